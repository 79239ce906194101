package dev.lexigram.examples.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.JCacheMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Micrometer finds a cache's statistics by its standard MXBean name
 * ({@code javax.cache:type=CacheStatistics,CacheManager=<uri>,Cache=<name>}); the meters move
 * only if lexigram-cache registers them under exactly that name.
 */
class JCacheMetricsTest {
  private CacheManager manager;
  private MeterRegistry registry;

  @BeforeEach
  void open() {
    manager = Caching.getCachingProvider().getCacheManager(); // reads lexigram-cache.yaml
    registry = new SimpleMeterRegistry();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void metersOfADeclaredCacheMove() {
    Cache<String, String> sessions = manager.getCache("sessions");
    JCacheMetrics.monitor(registry, sessions);

    sessions.get("s1");              // miss
    sessions.put("s1", "ada");       // put
    sessions.get("s1");              // hit
    sessions.get("s1");              // hit
    sessions.remove("s1");           // removal

    assertEquals(2.0, counter("sessions", "cache.gets", "hit"), "cache.gets{result=hit}");
    assertEquals(1.0, counter("sessions", "cache.gets", "miss"), "cache.gets{result=miss}");
    assertEquals(1.0, registry.get("cache.puts").tag("cache", "sessions").functionCounter().count(),
        "cache.puts");
    assertEquals(1.0, registry.get("cache.removals").tag("cache", "sessions").gauge().value(),
        "cache.removals");
    System.out.printf("[example] sessions: cache.gets hit=%.0f miss=%.0f, cache.puts=%.0f, cache.removals=%.0f%n",
        counter("sessions", "cache.gets", "hit"), counter("sessions", "cache.gets", "miss"),
        registry.get("cache.puts").tag("cache", "sessions").functionCounter().count(),
        registry.get("cache.removals").tag("cache", "sessions").gauge().value());
  }

  @Test
  void metersOfACacheCreatedAtRunTimeMove() {
    Cache<String, Long> counters = manager.createCache("counters",
        new MutableConfiguration<String, Long>().setTypes(String.class, Long.class)
            .setStatisticsEnabled(true));
    JCacheMetrics.monitor(registry, counters);

    counters.put("a", 1L);
    counters.put("b", 2L);
    counters.get("a");
    counters.get("zzz");

    assertEquals(1.0, counter("counters", "cache.gets", "hit"), "cache.gets{result=hit}");
    assertEquals(1.0, counter("counters", "cache.gets", "miss"), "cache.gets{result=miss}");
    assertEquals(2.0, registry.get("cache.puts").tag("cache", "counters").functionCounter().count(),
        "cache.puts");
  }

  private double counter(String cache, String name, String result) {
    return registry.get(name).tag("cache", cache).tag("result", result).functionCounter().count();
  }
}
