package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code service.circuit_breaker} section: the reference's defaults, every key, the errors. */
class CircuitBreakerConfigTest {

  @TempDir Path dir;

  @Test
  void absent_isOff_withTheReferencesThreshold() {
    CircuitBreakerSettings breaker = new ConfigFixture(dir).load("cache:\n  service: {}\n").service().circuitBreaker();

    assertThat(breaker).isEqualTo(new CircuitBreakerSettings(false, 5, Duration.ofSeconds(1)));
  }

  @Test
  void everyKey_isRead() {
    CircuitBreakerSettings breaker = new ConfigFixture(dir).load("cache:\n  service:\n    circuit_breaker:"
        + " { enabled: true, threshold: 8, reset_after: 250ms }\n").service().circuitBreaker();

    assertThat(breaker).isEqualTo(new CircuitBreakerSettings(true, 8, Duration.ofMillis(250)));
  }

  @Test
  void aZeroThreshold_orResetAfter_failsNamingTheKey() {
    assertThat(new ConfigFixture(dir).failure("cache:\n  service:\n    circuit_breaker: { threshold: 0 }\n"))
        .hasMessageContaining("cache.service.circuit_breaker.threshold").hasMessageContaining("e.g. 5");
    assertThat(new ConfigFixture(dir).failure("cache:\n  service:\n    circuit_breaker: { reset_after: 0s }\n"))
        .hasMessageContaining("cache.service.circuit_breaker.reset_after");
  }
}
