package dev.lexigram.cache.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The validated {@code cache.service.circuit_breaker} section: per remote backend, after
 * {@code threshold} consecutive calls that could not reach the server, calls fail at once (kind
 * CONNECTION) without touching the network; after {@code reset_after} (or as soon as the client
 * reconnects) one call at a time probes the server, and a success closes the circuit again.
 *
 * @param enabled whether remote backends have a breaker (default false, as in the reference)
 * @param threshold consecutive connection failures or timeouts that open the circuit; positive, default 5
 * @param resetAfter how long an open circuit fails calls before one probes; positive, default 1 s
 */
public record CircuitBreakerSettings(boolean enabled, int threshold, Duration resetAfter) {

  /** The default {@code threshold}, the reference's. */
  public static final int DEFAULT_THRESHOLD = 5;
  /** The default {@code reset_after}. */
  public static final Duration DEFAULT_RESET_AFTER = Duration.ofSeconds(1);

  /**
   * Checks the components.
   *
   * @throws NullPointerException if resetAfter is null
   * @throws IllegalArgumentException if threshold or resetAfter is not positive
   */
  public CircuitBreakerSettings {
    requireNonNull(resetAfter, "resetAfter");
    if (threshold <= 0) {
      throw new IllegalArgumentException("threshold is not positive: " + threshold);
    }
    if (resetAfter.isNegative() || resetAfter.isZero()) {
      throw new IllegalArgumentException("resetAfter is not positive: " + resetAfter);
    }
  }

  /** The defaults: off, threshold 5, reset after 1 s. */
  public static CircuitBreakerSettings defaults() {
    return new CircuitBreakerSettings(false, DEFAULT_THRESHOLD, DEFAULT_RESET_AFTER);
  }
}
