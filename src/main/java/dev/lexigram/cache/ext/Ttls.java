package dev.lexigram.cache.ext;

import dev.lexigram.cache.WriteOptions;
import java.time.Duration;

/** Turns a caller's time-to-live into whole milliseconds, rounding up so a TTL never shortens. */
final class Ttls {

  private Ttls() {}

  static long millisRoundedUp(Duration ttl) {
    if (ttl == null || ttl.isZero() || ttl.isNegative()) {
      throw new UnsupportedOperationException("A time-to-live must be positive, got " + ttl
          + ". Fix: pass a positive Duration, or use delete(key) to drop the entry now");
    }
    long millis;
    try {
      millis = ttl.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
    return ttl.minusMillis(millis).isZero() ? millis : millis + 1;
  }

  /** Returns the options' time-to-live in whole milliseconds (rounded up), or -1 for the cache's expiry. */
  static long millisOf(WriteOptions options) {
    return options.timeToLive().map(Ttls::millisRoundedUp).orElse(-1L);
  }
}
