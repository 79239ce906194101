package dev.lexigram.cache.backend.memory;

import com.github.benmanes.caffeine.cache.Expiry;
import dev.lexigram.cache.store.StoreEntry;
import java.util.concurrent.TimeUnit;

/** Hands each entry's own expiry instant to Caffeine as the time left until it. */
final class EntryExpiry implements Expiry<Object, StoreEntry> {

  @Override
  public long expireAfterCreate(Object key, StoreEntry entry, long currentTime) {
    return timeLeft(entry, currentTime);
  }

  @Override
  public long expireAfterUpdate(Object key, StoreEntry entry, long currentTime, long currentDuration) {
    return timeLeft(entry, currentTime);
  }

  @Override
  public long expireAfterRead(Object key, StoreEntry entry, long currentTime, long currentDuration) {
    return currentDuration;
  }

  private static long timeLeft(StoreEntry entry, long currentTimeNanos) {
    if (entry.expiresAt() == StoreEntry.ETERNAL) {
      return Long.MAX_VALUE;
    }
    long nowMillis = TimeUnit.NANOSECONDS.toMillis(currentTimeNanos);
    long leftMillis = entry.expiresAt() - nowMillis;
    if (leftMillis <= 0) {
      return 0;
    }
    return leftMillis >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(leftMillis);
  }
}
