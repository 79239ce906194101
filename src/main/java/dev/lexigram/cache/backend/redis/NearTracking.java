package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.near.Generations;

/**
 * Where a Redis backend's near caches hear of changes: {@link TrackingLink} on a standalone or
 * Sentinel-managed server, {@link ClusterTracking} on a cluster.
 */
interface NearTracking extends AutoCloseable {

  /** The channel whose generations vouch for the near caches' copies. */
  Generations channel();

  /** The connection the near-cached stores send their commands on. */
  RedisCalls calls();

  @Override
  void close();
}
