package dev.lexigram.cache.backend.memory;

import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reclaims expired entries of a store whose Caffeine cache has no per-entry expiry (the cache's
 * policy is eternal, so reads stay on Caffeine's fast path), once entries with their own TTL
 * appear through the extension API. A sweep runs every {@link #INTERVAL_MILLIS} ms while such
 * entries exist, removes those whose instant has passed, and reports each as expired.
 *
 * <p>Concurrency: at most one sweep is scheduled at a time; a sweep removes an entry only if it
 * is still the expired one ({@code ConcurrentMap.remove(key, entry)}), so it never races a write.
 */
final class ExpirySweeper {

  static final long INTERVAL_MILLIS = 5_000;

  private final ConcurrentMap<Object, Object> map;
  private final Clock clock;
  private final StoreEvictionListener listener;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean closed;

  ExpirySweeper(ConcurrentMap<Object, Object> map, Clock clock, StoreEvictionListener listener) {
    this.map = map;
    this.clock = clock;
    this.listener = listener;
  }

  /** Called after an entry with an expiry instant was written; makes sure a sweep will run. */
  void timedEntryWritten() {
    if (!closed && scheduled.compareAndSet(false, true)) {
      CompletableFuture.runAsync(this::sweepAndReschedule,
          CompletableFuture.delayedExecutor(INTERVAL_MILLIS, TimeUnit.MILLISECONDS));
    }
  }

  private void sweepAndReschedule() {
    scheduled.set(false);
    if (sweep() > 0) {
      timedEntryWritten();
    }
  }

  /** Removes the expired entries now; returns how many timed entries are left. */
  int sweep() {
    long now = clock.millis();
    int timedLeft = 0;
    for (Map.Entry<Object, Object> mapping : map.entrySet()) {
      if (!(mapping.getValue() instanceof StoreEntry entry) || entry.expiresAt() == StoreEntry.ETERNAL) {
        continue;
      }
      if (entry.isExpired(now)) {
        if (map.remove(mapping.getKey(), entry)) {
          listener.onEvicted(mapping.getKey(), entry, StoreEvictionListener.Cause.EXPIRED);
        }
      } else {
        timedLeft++;
      }
    }
    return timedLeft;
  }

  void close() {
    closed = true;
  }
}
