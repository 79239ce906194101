package dev.lexigram.cache.backend.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import dev.lexigram.cache.store.EntryReader;
import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.MarkedEntry;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.store.StoreWrite;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Store} on a Caffeine cache. Atomicity: every conditional write is one
 * {@code ConcurrentMap.compute} on the key, so compare-and-set is exact.
 *
 * <p>Layout: an entry that never expires and has no meta is kept as its bare stored value, the
 * map's value itself, so a read of it dereferences nothing more than plain Caffeine does (an
 * entry object between the map node and the value cost a by-reference get a third of its rate on
 * a 100,000-key walk, measured with JMH). Such an entry is {@linkplain
 * StoreEntry#IDENTIFIED_BY_VALUE identified by its value object}. An eternal entry with {@link
 * EntryMeta meta} (a tagged one) is kept as a {@link MarkedEntry} (the value, the meta and the
 * cache layer's mark of its last tag check), identified by its value and meta objects. An entry
 * with an expiry instant, or whose value is itself a {@link StoreEntry}, is kept as a {@link
 * StoreEntry} with a counted version.
 *
 * <p>Expiry: when the cache's policy can expire entries, each entry's expiry instant is handed
 * to Caffeine's per-entry expiry (read from the same clock the cache layer uses), so memory is
 * reclaimed without reads. When the policy is eternal, Caffeine runs without per-entry expiry,
 * which keeps reads about four times faster (measured with JMH); entries that still get an
 * instant through the extension API are reclaimed by an {@link ExpirySweeper}. Entries dropped
 * by Caffeine or the sweeper are reported to the {@link StoreEvictionListener}.
 */
final class MemoryStore implements Store {

  /** The map's values: a bare stored value (an eternal entry) or a {@link StoreEntry}. */
  private final Cache<Object, Object> cache;
  private final ConcurrentMap<Object, Object> map;
  private final AtomicLong versions = new AtomicLong();
  private final ExpirySweeper sweeper;

  MemoryStore(Long maxSize, Clock clock, StoreEvictionListener listener, boolean entriesExpire) {
    Caffeine<Object, Object> builder = Caffeine.newBuilder().executor(Runnable::run);
    if (entriesExpire) {
      builder.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).expireAfter(new EntryExpiry());
      if (clock.equals(Clock.systemUTC()) || clock.equals(Clock.systemDefaultZone())) {
        builder.scheduler(Scheduler.systemScheduler());
      }
    }
    if (maxSize != null) {
      builder.maximumSize(maxSize);
    }
    this.cache = builder
        .evictionListener((key, stored, cause) -> {
          if (key != null && stored != null && cause != RemovalCause.COLLECTED) {
            listener.onEvicted(key, entryOf(stored), cause == RemovalCause.EXPIRED
                ? StoreEvictionListener.Cause.EXPIRED : StoreEvictionListener.Cause.SIZE);
          }
        })
        .build();
    this.map = cache.asMap();
    this.sweeper = entriesExpire ? null : new ExpirySweeper(map, clock, listener);
  }

  /** Returns what the map holds for a value written with this expiry instant and meta. */
  private Object stored(Object value, long expiresAt, EntryMeta meta) {
    if (expiresAt == StoreEntry.ETERNAL && !(value instanceof StoreEntry)) {
      return (meta == null) ? value : new MarkedEntry(value, meta);
    }
    noteExpiry(expiresAt);
    return new StoreEntry(value, versions.incrementAndGet(), expiresAt, meta);
  }

  /** Returns the entry a map value stands for; null for null. */
  static StoreEntry entryOf(Object stored) {
    if (stored == null || stored instanceof StoreEntry) {
      return (StoreEntry) stored;
    }
    if (stored instanceof MarkedEntry marked) {
      return marked.toEntry();
    }
    return new StoreEntry(stored, StoreEntry.IDENTIFIED_BY_VALUE, StoreEntry.ETERNAL);
  }

  private void noteExpiry(long expiresAt) {
    if (sweeper != null && expiresAt != StoreEntry.ETERNAL) {
      sweeper.timedEntryWritten();
    }
  }

  /** Runs the expiry sweep now, for stores without Caffeine expiry; returns the timed entries left. */
  int sweepExpired() {
    return (sweeper == null) ? 0 : sweeper.sweep();
  }

  @Override
  public StoreEntry get(Object key) {
    return entryOf(map.get(key));
  }

  @Override
  public <R> R read(Object key, EntryReader<R> reader) {
    Object stored = map.get(key); // the map view is the cache itself: one object less to go through
    if (stored == null) {
      return reader.absent(key);
    }
    if (stored instanceof StoreEntry entry) {
      return reader.entry(key, entry);
    }
    if (stored instanceof MarkedEntry marked) {
      return reader.marked(key, marked);
    }
    return reader.eternal(key, stored);
  }

  @Override
  public Map<Object, StoreEntry> getAll(Collection<?> keys) {
    Map<Object, StoreEntry> result = new HashMap<>(keys.size() * 2);
    for (Object key : keys) {
      Object stored = map.get(key);
      if (stored != null) {
        result.put(key, entryOf(stored));
      }
    }
    return result;
  }

  // the asynchronous operations run on the caller's thread: an operation in memory never waits

  @Override
  public CompletionStage<StoreEntry> getAsync(Object key, Executor executor) {
    return CompletableFuture.completedFuture(get(key));
  }

  @Override
  public CompletionStage<Map<Object, StoreEntry>> getAllAsync(Collection<?> keys, Executor executor) {
    return CompletableFuture.completedFuture(getAll(keys));
  }

  @Override
  public CompletionStage<StoreEntry> putAsync(Object key, Object value, long expiresAt, Executor executor) {
    return CompletableFuture.completedFuture(put(key, value, expiresAt));
  }

  @Override
  public CompletionStage<StoreEntry> removeAsync(Object key, Executor executor) {
    return CompletableFuture.completedFuture(remove(key));
  }

  @Override
  public StoreEntry put(Object key, Object value, long expiresAt, EntryMeta meta) {
    Object stored = stored(value, expiresAt, meta);
    map.put(key, stored);
    return entryOf(stored);
  }

  @Override
  public void putAll(Map<?, StoreWrite> writes) {
    writes.forEach((key, write) -> map.put(key, stored(write.value(), write.expiresAt(), write.meta())));
  }

  @Override
  public boolean compareAndSet(Object key, StoreEntry expected, Object newValue, long expiresAt, EntryMeta meta) {
    boolean[] changed = {false};
    map.compute(key, (k, current) -> {
      if (!matches(current, expected)) {
        return current;
      }
      changed[0] = true;
      return (newValue == null) ? null : stored(newValue, expiresAt, meta);
    });
    return changed[0];
  }

  @Override
  public boolean touch(Object key, StoreEntry expected, long expiresAt) {
    boolean[] changed = {false};
    map.computeIfPresent(key, (k, current) -> {
      if (!matches(current, expected)) {
        return current;
      }
      changed[0] = true;
      return touched(current, expiresAt);
    });
    return changed[0];
  }

  /** Returns the map value of the entry {@code current} with another expiry instant, same identity. */
  private Object touched(Object current, long expiresAt) {
    noteExpiry(expiresAt);
    StoreEntry entry = entryOf(current);
    if (expiresAt == StoreEntry.ETERNAL && entry.version() == StoreEntry.IDENTIFIED_BY_VALUE
        && !(entry.value() instanceof StoreEntry)) {
      // back to the compact form it came from: the same objects, so the same identity
      return (current instanceof StoreEntry) ? stored(entry.value(), expiresAt, entry.meta()) : current;
    }
    return entry.withExpiresAt(expiresAt);
  }

  /** Returns whether the map value {@code current} is the entry {@code expected} was read from. */
  private static boolean matches(Object current, StoreEntry expected) {
    if (current == null || expected == null) {
      return current == expected;
    }
    StoreEntry entry = entryOf(current);
    return entry.version() == expected.version() && (entry.version() != StoreEntry.IDENTIFIED_BY_VALUE
        || (entry.value() == expected.value() && entry.meta() == expected.meta()));
  }

  @Override
  public StoreEntry remove(Object key) {
    return entryOf(map.remove(key));
  }

  @Override
  public void removeAll(Collection<?> keys) {
    cache.invalidateAll(keys);
  }

  @Override
  public Iterator<Object> keys() {
    return map.keySet().iterator();
  }

  @Override
  public void clear() {
    map.clear();
  }

  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.close();
    }
    map.clear();
    cache.cleanUp();
  }
}
