package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.backend.redis.CallLoad.Phase;
import dev.lexigram.cache.jcache.spi.LexigramCachingProvider;
import dev.lexigram.cache.testing.RedisServer;
import java.net.URI;
import java.time.Duration;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis stops while 16 threads work on one cache and comes back on the same port: every call during
 * the outage ends within the backend's timeout with a clear failure (see {@link CallLoad}), and the
 * same manager works again once the server is back, without being reopened.
 */
class RedisFaultIT {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final String BACKEND = "redis-fault";

  private RedisServer server = RedisServer.start();

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void serverStopsAndReturns_callsFailWithinTheTimeout_thenTheSameManagerRecovers() throws Exception {
    URI config = RedisConfigFile.write(BACKEND, server.url(), "fault", TIMEOUT);
    LexigramCachingProvider provider = new LexigramCachingProvider();
    try (CacheManager manager = provider.getCacheManager(config, getClass().getClassLoader())) {
      Cache<String, String> cache = manager.createCache("orders",
          new MutableConfiguration<String, String>().setTypes(String.class, String.class));
      Duration longestCall;
      Duration recovery;
      try (CallLoad load = new CallLoad(16, cache, BACKEND, TIMEOUT.multipliedBy(3))) {
        await().atMost(Duration.ofSeconds(10)).until(() -> load.successes() >= 1_000);

        server.stop();
        load.enter(Phase.OUTAGE);
        long outageStart = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> load.outageStandardFailures() >= 1_000
            && load.outageExtensionErrors() >= 1_000
            && System.nanoTime() - outageStart >= TIMEOUT.multipliedBy(4).toNanos());

        load.enter(Phase.RECOVERY);
        server = server.restart();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(5)).ignoreExceptions()
            .until(() -> {
              cache.put("probe", "after");
              return "after".equals(cache.get("probe"));
            });
        recovery = Duration.ofNanos(System.nanoTime() - back);
        long successesAfterRecovery = load.successes();
        await().atMost(Duration.ofSeconds(10)).until(() -> load.successes() >= successesAfterRecovery + 1_000);
        longestCall = load.longestOutageCall();
        assertThat(load.violations()).as("calls that broke the outage contract").isEmpty();
      }
      System.out.println("RedisFaultIT: timeout " + TIMEOUT.toMillis() + " ms, longest call during the outage "
          + longestCall.toMillis() + " ms, time to recover after restart " + recovery.toMillis() + " ms");
      assertThat(longestCall).isLessThan(TIMEOUT.multipliedBy(3));
      assertThat(recovery).isLessThan(Duration.ofSeconds(5));
    }
  }
}
