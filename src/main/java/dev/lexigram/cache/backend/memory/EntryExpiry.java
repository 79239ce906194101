package dev.lexigram.cache.backend.memory;

import com.github.benmanes.caffeine.cache.Expiry;
import dev.lexigram.cache.store.StoreEntry;
import java.util.concurrent.TimeUnit;

/**
 * Hands each entry's own expiry instant to Caffeine as the time left until it; a bare value is an
 * entry that never expires.
 */
final class EntryExpiry implements Expiry<Object, Object> {

  @Override
  public long expireAfterCreate(Object key, Object stored, long currentTime) {
    return timeLeft(stored, currentTime);
  }

  @Override
  public long expireAfterUpdate(Object key, Object stored, long currentTime, long currentDuration) {
    return timeLeft(stored, currentTime);
  }

  @Override
  public long expireAfterRead(Object key, Object stored, long currentTime, long currentDuration) {
    return currentDuration;
  }

  private static long timeLeft(Object stored, long currentTimeNanos) {
    if (!(stored instanceof StoreEntry entry) || entry.expiresAt() == StoreEntry.ETERNAL) {
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
