package dev.lexigram.cache.spring;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.Result;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health of a lexigram cache manager's backends, as Actuator shows it: UP when every backend
 * answered its probe ({@code CacheBackend.health()}), DOWN when one did not; the details give each
 * backend's round trip in milliseconds, or its error's kind and message.
 */
public final class LexigramHealthIndicator extends AbstractHealthIndicator {

  private final LexigramCacheManager manager;

  public LexigramHealthIndicator(LexigramCacheManager manager) {
    super("lexigram-cache health check failed");
    this.manager = manager;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean up = true;
    Map<String, Object> backends = new LinkedHashMap<>();
    for (Map.Entry<String, Result<Duration>> health : manager.health().entrySet()) {
      String name = health.getKey();
      Result<Duration> probe = health.getValue();
      Map<String, Object> detail = new LinkedHashMap<>();
      CacheError error = probe.error();
      if (error == null) {
        detail.put("status", "UP");
        detail.put("roundTripMillis", probe.unwrap().toNanos() / 1_000_000.0);
      } else {
        up = false;
        detail.put("status", "DOWN");
        detail.put("kind", error.kind().name());
        detail.put("error", error.message());
      }
      backends.put(name, detail);
    }
    (up ? builder.up() : builder.down()).withDetail("configuration", manager.configurationSource())
        .withDetail("backends", backends);
  }
}
