package dev.lexigram.cache.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A validated {@code near_cache} section, on a Redis or memcached backend (every cache on it) or
 * on one entry of {@code cache.caches} (that cache only, in place of the backend's): each process
 * keeps a bounded local copy of the entries it reads, answered without a round trip. YAML:
 * {@code near_cache: { max_size: 10000, max_ttl: 30s }}. A section that is present is on unless
 * it says {@code enabled: false}.
 *
 * @param enabled whether the near cache is on; false only where a cache turns off its backend's
 * @param maxSize the most entries each cache keeps locally; positive, default 10,000
 * @param maxTtl the longest a local copy is used after it was read; positive, default 30 s. On
 *     memcached, which cannot tell a process of another's writes, this is the staleness bound
 * @param heartbeat how often a Redis backend checks that its invalidation connection is alive and
 *     tracking; a near cache whose connection stayed silent for two heartbeats stops answering
 *     until it is confirmed again; positive, default 1 s
 */
public record NearCacheSettings(boolean enabled, long maxSize, Duration maxTtl, Duration heartbeat) {

  /** The default {@code max_size}. */
  public static final long DEFAULT_MAX_SIZE = 10_000;
  /** The default {@code max_ttl}. */
  public static final Duration DEFAULT_MAX_TTL = Duration.ofSeconds(30);
  /** The default {@code heartbeat}. */
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a duration is null
   * @throws IllegalArgumentException if maxSize or a duration is not positive
   */
  public NearCacheSettings {
    requireNonNull(maxTtl, "maxTtl");
    requireNonNull(heartbeat, "heartbeat");
    if (maxSize <= 0) {
      throw new IllegalArgumentException("maxSize is not positive: " + maxSize);
    }
    if (maxTtl.isNegative() || maxTtl.isZero() || heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("maxTtl and heartbeat must be positive: " + maxTtl + ", " + heartbeat);
    }
  }

  /** An enabled near cache with the default limits. */
  public static NearCacheSettings defaults() {
    return new NearCacheSettings(true, DEFAULT_MAX_SIZE, DEFAULT_MAX_TTL, DEFAULT_HEARTBEAT);
  }
}
