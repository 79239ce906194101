package dev.lexigram.cache;

/**
 * What one cache's near cache did since the cache was created, registered with the platform
 * MBean server as {@code dev.lexigram.cache:type=NearCache,CacheManager=<uri>,Cache=<name>} when
 * the cache has a near cache (see {@code docs/near-cache.md}).
 */
public interface NearCacheStatisticsMXBean {

  /** Reads answered from the local copy, without a round trip. */
  long getHits();

  /** Reads that went to the server (no local copy, or one that may no longer be used). */
  long getMisses();

  /** Keys the server said changed (Redis client tracking) that this near cache was told of. */
  long getInvalidations();

  /** Times every local copy was dropped at once: a lost or silent connection, a flush of the server. */
  long getFlushes();

  /** Local copies held now (approximate). */
  long getSize();
}
