package dev.lexigram.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisServer;
import java.util.Map;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The Actuator health of a manager with a memory and a Redis backend: UP, then DOWN naming the backend. */
class LexigramHealthIndicatorIT {

  @Test
  void everyBackendAnswering_isUp_andOneDown_isDownNamingItsError() {
    RedisServer server = RedisServer.start();
    try {
      var config = ConfigFiles.writeTemporary("health", "cache:\n  backends:\n"
          + "    - { name: local, type: memory, default: true }\n"
          + "    - { name: shared, type: redis, url: \"" + server.url() + "\", timeout: 300ms }\n");
      try (CacheManager manager = Caching.getCachingProvider().getCacheManager(config, getClass().getClassLoader())) {
        LexigramHealthIndicator indicator = new LexigramHealthIndicator(manager.unwrap(LexigramCacheManager.class));

        Health up = indicator.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> backends = (Map<String, Map<String, Object>>) up.getDetails().get("backends");
        assertThat(backends).containsOnlyKeys("local", "shared");
        assertThat(backends.get("shared")).containsEntry("status", "UP").containsKey("roundTripMillis");

        server.stop();
        Health down = indicator.health();

        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> after = (Map<String, Map<String, Object>>) down.getDetails().get("backends");
        assertThat(after.get("local")).containsEntry("status", "UP");
        assertThat(after.get("shared")).containsEntry("status", "DOWN").containsKey("error");
        assertThat(after.get("shared").get("kind")).isIn("CONNECTION", "TIMEOUT");
      }
    } finally {
      server.stop();
    }
  }
}
