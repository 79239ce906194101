package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.store.StoreEntry;

/**
 * Turns an entry's expiry instant into memcached's exptime: whole seconds rounded up plus one,
 * relative when at most 30 days away and absolute Unix time beyond (memcached's own rule), 0 for
 * never. The extra second is for the server's clock, which ticks once a second: a relative
 * exptime of 1 ends at its next tick, which may come a millisecond after the write (seen as a
 * 1-second entry gone before its instant). The server may thus keep an entry up to two seconds
 * longer than its instant; the record carries the exact instant and the cache layer checks it on
 * read. An instant already past gets the shortest exptime, 1.
 */
final class Exptime {

  /** The largest relative exptime memcached accepts; larger values are read as Unix time. */
  static final long MAX_RELATIVE_SECONDS = 30L * 24 * 60 * 60;
  private static final long CLOCK_SLACK_SECONDS = 1;

  private Exptime() {}

  static int of(long expiresAt, long nowMillis) {
    if (expiresAt == StoreEntry.ETERNAL) {
      return 0;
    }
    if (expiresAt <= nowMillis) {
      return 1;
    }
    long seconds = ceilSeconds(expiresAt - nowMillis) + CLOCK_SLACK_SECONDS;
    if (seconds <= MAX_RELATIVE_SECONDS) {
      return (int) seconds;
    }
    long absolute = ceilSeconds(expiresAt) + CLOCK_SLACK_SECONDS;
    // beyond 2038 spymemcached's int cannot say it: let the server keep it, the record still expires
    return absolute > Integer.MAX_VALUE ? 0 : (int) absolute;
  }

  private static long ceilSeconds(long millis) {
    return Math.floorDiv(millis, 1000) + (Math.floorMod(millis, 1000) == 0 ? 0 : 1);
  }
}
