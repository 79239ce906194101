package dev.lexigram.cache.admin;

/**
 * One open cache as the page shows it.
 *
 * @param name the cache
 * @param backend its backend
 * @param statistics whether its JCache statistics are on (the numbers below count only then)
 * @param hits JCache hits
 * @param misses JCache misses
 * @param evictions JCache evictions
 */
public record CacheStatus(String name, String backend, boolean statistics, long hits, long misses, long evictions) {

  /** Hits over gets, or NaN before the first get. */
  public double hitRatio() {
    return ratio(hits, misses);
  }

  /** Hits over hits plus misses, or NaN when there were none. */
  static double ratio(long hits, long misses) {
    long gets = hits + misses;
    return gets == 0 ? Double.NaN : (double) hits / gets;
  }
}
