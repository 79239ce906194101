package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.store.StoreEntry;

/**
 * Turns an entry's expiry instant into memcached's exptime: whole seconds rounded up, relative
 * when at most 30 days away and absolute Unix time beyond (memcached's own rule), 0 for never.
 * The server may thus keep an entry up to a second longer than its instant; the record carries
 * the exact instant and the cache layer checks it on read.
 */
final class Exptime {

  /** The largest relative exptime memcached accepts; larger values are read as Unix time. */
  static final long MAX_RELATIVE_SECONDS = 30L * 24 * 60 * 60;

  private Exptime() {}

  static int of(long expiresAt, long nowMillis) {
    if (expiresAt == StoreEntry.ETERNAL) {
      return 0;
    }
    long seconds = Math.max(1, ceilSeconds(expiresAt - nowMillis));
    if (seconds <= MAX_RELATIVE_SECONDS) {
      return (int) seconds;
    }
    long absolute = ceilSeconds(expiresAt);
    // beyond 2038 spymemcached's int cannot say it: let the server keep it, the record still expires
    return absolute > Integer.MAX_VALUE ? 0 : (int) absolute;
  }

  private static long ceilSeconds(long millis) {
    return Math.floorDiv(millis, 1000) + (Math.floorMod(millis, 1000) == 0 ? 0 : 1);
  }
}
