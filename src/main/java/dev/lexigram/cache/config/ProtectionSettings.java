package dev.lexigram.cache.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The validated {@code cache.service.protection} section: the limits of stampede protection
 * (when {@code enable_protection} is on).
 *
 * @param maxWait the longest a reader waits for another caller's load of the same key, in this
 *     process or (Redis, memcached) in another; positive, default 10 s
 * @param lockTtl how long the lease of a load across processes lasts: a holder that dies frees
 *     the key after this; positive, default 30 s
 * @param onTimeout what a reader does when {@code maxWait} passes; default {@link OnTimeout#LOAD}
 */
public record ProtectionSettings(Duration maxWait, Duration lockTtl, OnTimeout onTimeout) {

  /** What a reader does when it has waited {@code max_wait} for another caller's load. */
  public enum OnTimeout {
    /** Runs the load itself (the default): a slow holder costs one more load, never a failure. */
    LOAD,
    /** Fails the read with a {@code CacheLoaderException} naming the key and the wait. */
    FAIL
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a duration is not positive
   */
  public ProtectionSettings {
    requireNonNull(maxWait, "maxWait");
    requireNonNull(lockTtl, "lockTtl");
    requireNonNull(onTimeout, "onTimeout");
    if (maxWait.isNegative() || maxWait.isZero() || lockTtl.isNegative() || lockTtl.isZero()) {
      throw new IllegalArgumentException("maxWait and lockTtl must be positive: " + maxWait + ", " + lockTtl);
    }
  }

  /** Returns the defaults, the reference library's: 10 s wait, 30 s lease, load on timeout; never null. */
  public static ProtectionSettings defaults() {
    return new ProtectionSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), OnTimeout.LOAD);
  }
}
