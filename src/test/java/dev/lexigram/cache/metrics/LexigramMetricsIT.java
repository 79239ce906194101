package dev.lexigram.cache.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.LockLease;
import dev.lexigram.cache.WriteOptions;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link LexigramMetrics} in a Micrometer registry: every capability's meters, named
 * {@code cache.*} with tags {@code cache} and {@code backend}, moving with what the caches do,
 * including caches and backends opened after binding.
 */
@ExtendWith(RedisServerExtension.class)
class LexigramMetricsIT {

  private final RedisServer server;

  LexigramMetricsIT(RedisServer server) {
    this.server = server;
  }

  private static double value(SimpleMeterRegistry registry, String name, String... tags) {
    var search = registry.find(name).tags(tags);
    return search.functionCounter() != null ? search.functionCounter().count() : search.gauge().value();
  }

  @Test
  void everyCapability_hasMeters_thatMoveWithTheCaches() throws Exception {
    var config = ConfigFiles.writeTemporary("metrics", "cache:\n  backends:\n"
        + "    - { name: local, type: memory, default: true }\n"
        + "    - name: shared\n      type: redis\n      url: " + server.url() + "\n      key_prefix: metrics\n"
        + "      near_cache: { max_ttl: 30s }\n"
        + "  service:\n    circuit_breaker: { enabled: true }\n"
        + "  caches:\n    hot: { backend: shared }\n"
        + "  semantic:\n    answers: { backend: local }\n");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(config, getClass().getClassLoader())) {
      new LexigramMetrics(manager).bindTo(registry); // before any cache: later ones must appear too
      LexigramCacheManager lexigram = manager.unwrap(LexigramCacheManager.class);

      Cache<String, String> hot = manager.getCache("hot");
      hot.put("k", "v");
      hot.get("k");
      hot.get("k");
      LexigramCache<String, String> extension = hot.unwrap(LexigramCache.class);
      assertThat(extension.get(null).isErr()).isTrue();
      Cache<String, String> local = manager.createCache("plain", new MutableConfiguration<>());
      local.unwrap(LexigramCache.class).put("t", "v", WriteOptions.tagged("catalog"));
      assertThat(lexigram.invalidateTags("catalog").isOk()).isTrue();
      try (LockLease lease = lexigram.lock("nightly").tryAcquire(Duration.ZERO, Duration.ofSeconds(5)).unwrap()
          .orElseThrow()) {
        assertThat(lexigram.lock("nightly").tryAcquire(Duration.ofMillis(20), Duration.ofSeconds(5)).unwrap()).isEmpty();
        assertThat(value(registry, "cache.lock.held", "backend", "local")).isEqualTo(1);
      }
      assertThat(value(registry, "cache.lock.held", "backend", "local")).isZero();
      lexigram.semanticCache("answers").lookup("what is the capital of France?");

      assertThat(value(registry, "cache.near.hits", "cache", "hot", "backend", "shared")).isEqualTo(1);
      assertThat(value(registry, "cache.near.misses", "cache", "hot", "backend", "shared")).isEqualTo(1);
      assertThat(value(registry, "cache.near.size", "cache", "hot")).isEqualTo(1);
      assertThat(value(registry, "cache.extension.errors", "cache", "hot", "kind", "invalid_key")).isEqualTo(1);
      assertThat(value(registry, "cache.extension.errors", "cache", "hot", "kind", "connection")).isZero();
      assertThat(value(registry, "cache.circuit.open", "backend", "shared")).isZero();
      assertThat(value(registry, "cache.tags.invalidations", "backend", "local")).isEqualTo(1);
      assertThat(value(registry, "cache.lock.acquired", "backend", "local")).isEqualTo(1);
      assertThat(value(registry, "cache.lock.timeouts", "backend", "local")).isEqualTo(1);
      assertThat(value(registry, "cache.lock.contended", "backend", "local")).isEqualTo(1);
      assertThat(value(registry, "cache.semantic.lookups", "cache", "answers", "tier", "miss")).isEqualTo(1);
      assertThat(value(registry, "cache.stampede.saved", "cache", "plain", "where", "this-process")).isZero();

      Set<String> names = new TreeSet<>();
      for (Meter meter : registry.getMeters()) {
        names.add(meter.getId().getName());
      }
      System.out.println("[metrics] " + names);
      assertThat(names).allMatch(name -> name.startsWith("cache."));
    }
  }

  @Test
  void theBreakersMeters_showItOpen_whileTheServerIsDown() throws Exception {
    RedisServer own = RedisServer.start();
    try {
      var config = ConfigFiles.writeTemporary("metrics-breaker", "cache:\n  backends:\n    - name: shared\n"
          + "      type: redis\n      url: " + own.url() + "\n      timeout: 300ms\n"
          + "  service:\n    circuit_breaker: { enabled: true, threshold: 2, reset_after: 10s }\n");
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (CacheManager manager = Caching.getCachingProvider().getCacheManager(config, getClass().getClassLoader())) {
        new LexigramMetrics(manager).bindTo(registry);
        LexigramCache<String, String> cache = manager.createCache("c", new MutableConfiguration<String, String>())
            .unwrap(LexigramCache.class);
        own.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
          cache.get("k");
          return value(registry, "cache.circuit.open", "backend", "shared") == 1;
        });
        cache.get("k");

        assertThat(value(registry, "cache.circuit.openings", "backend", "shared")).isEqualTo(1);
        var invalidation = manager.unwrap(dev.lexigram.cache.LexigramCacheManager.class).invalidateTags("catalog");
        assertThat(invalidation.isErr()).isTrue();
        assertThat(invalidation.error().message()).as("the tag versions are behind the same breaker")
            .contains("invalidate tags was not sent: the circuit breaker is open");
        assertThat(value(registry, "cache.circuit.rejected", "backend", "shared")).isGreaterThanOrEqualTo(1);
        assertThat(value(registry, "cache.extension.errors", "cache", "c", "kind", "connection")).isGreaterThanOrEqualTo(3);
      }
    } finally {
      own.stop();
    }
  }
}
