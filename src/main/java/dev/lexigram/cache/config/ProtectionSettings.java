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
 * @param beta how eagerly an entry that will expire is recomputed before it does (XFetch): a read
 *     recomputes in the background with probability {@code exp(-remaining / (beta * delta))},
 *     delta being how long the value took to compute; default 1, 0 turns early recomputation off
 */
public record ProtectionSettings(Duration maxWait, Duration lockTtl, OnTimeout onTimeout, double beta) {

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
   * @throws IllegalArgumentException if a duration is not positive, or beta negative or not finite
   */
  public ProtectionSettings {
    requireNonNull(maxWait, "maxWait");
    requireNonNull(lockTtl, "lockTtl");
    requireNonNull(onTimeout, "onTimeout");
    if (maxWait.isNegative() || maxWait.isZero() || lockTtl.isNegative() || lockTtl.isZero()) {
      throw new IllegalArgumentException("maxWait and lockTtl must be positive: " + maxWait + ", " + lockTtl);
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be zero or a positive number: " + beta);
    }
  }

  /** Settings with the default {@code beta} of 1. */
  public ProtectionSettings(Duration maxWait, Duration lockTtl, OnTimeout onTimeout) {
    this(maxWait, lockTtl, onTimeout, 1.0);
  }

  /**
   * Returns the defaults, the reference library's: 10 s wait, 30 s lease, load on timeout; and
   * XFetch's beta of 1; never null.
   */
  public static ProtectionSettings defaults() {
    return new ProtectionSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), OnTimeout.LOAD, 1.0);
  }
}
