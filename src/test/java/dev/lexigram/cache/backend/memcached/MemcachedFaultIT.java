package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.serial.Serializers;
import dev.lexigram.cache.store.RemoteKeys;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServer;
import dev.lexigram.cache.testing.MemcachedSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One of two memcached servers stops while 8 threads work on one cache, and comes back on the same
 * port: calls for its keys fail within the timeout with a clear error (see {@link ShardLoad}),
 * calls for the other server's keys keep succeeding, and the same manager recovers.
 */
class MemcachedFaultIT {

  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final String BACKEND = "memcached-fault";
  private static final String CACHE = "orders";

  private MemcachedServer stopped = MemcachedServer.start();
  private final MemcachedServer running = MemcachedServer.start();

  @AfterEach
  void stopServers() {
    stopped.stop();
    running.stop();
  }

  @Test
  void oneServerStopsAndReturns_itsKeysFailFast_othersSucceed_thenTheSameManagerRecovers() throws Exception {
    BackendSettings settings = MemcachedSettings.backend(BACKEND, List.of(stopped.address(), running.address()), TIMEOUT);
    List<String> downKeys = new ArrayList<>();
    List<String> upKeys = new ArrayList<>();
    partition(settings, downKeys, upKeys);
    try (CacheFixture fixture = new CacheFixture(MemcachedSettings.withDefaultBackend(settings), FakeClock.startingNow())) {
      Cache<String, String> cache = fixture.cache(CACHE,
          new MutableConfiguration<String, String>().setTypes(String.class, String.class));
      Duration longest;
      Duration recovery;
      try (ShardLoad load = new ShardLoad(8, cache, downKeys, upKeys, BACKEND, TIMEOUT.multipliedBy(3))) {
        await().atMost(Duration.ofSeconds(10)).until(() -> load.downSuccesses() >= 1_000 && load.upSuccesses() >= 1_000);

        stopped.stop();
        load.outage(true);
        long outageStart = System.nanoTime();
        long upBefore = load.upSuccesses();
        await().atMost(Duration.ofSeconds(30)).until(() -> load.outageFailures() >= 1_000
            && load.upSuccesses() >= upBefore + 1_000
            && System.nanoTime() - outageStart >= TIMEOUT.multipliedBy(4).toNanos());
        load.outage(false);
        longest = load.longestFailingCall();

        stopped = stopped.restart();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(5)).ignoreExceptions().until(() -> {
          cache.put(downKeys.get(0), "after");
          return "after".equals(cache.get(downKeys.get(0)));
        });
        recovery = Duration.ofNanos(System.nanoTime() - back);
        long downAfter = load.downSuccesses();
        await().atMost(Duration.ofSeconds(10)).until(() -> load.downSuccesses() >= downAfter + 1_000);
        assertThat(load.violations()).as("calls that broke the outage contract").isEmpty();
      }
      System.out.println("MemcachedFaultIT: timeout " + TIMEOUT.toMillis() + " ms, longest failing call on the stopped"
          + " server's keys " + longest.toMillis() + " ms, time to recover after restart " + recovery.toMillis() + " ms");
      assertThat(longest).isLessThan(TIMEOUT.multipliedBy(3));
      assertThat(recovery).isLessThan(Duration.ofSeconds(5));
    }
  }

  /** Sorts 200 keys by the server Ketama puts them on, the way the backend's own client does. */
  private void partition(BackendSettings settings, List<String> downKeys, List<String> upKeys) {
    ItemNames names = new ItemNames(new RemoteKeys(null, CACHE, Serializers.builder().build()));
    InetSocketAddress down = new InetSocketAddress("127.0.0.1", stopped.port());
    MemcachedClient client = ClientSetup.connect(settings, ClientSetup.addresses(settings), false);
    try {
      for (int i = 0; i < 200; i++) {
        String key = "k" + i;
        Object server = client.getNodeLocator().getPrimary(names.of(key).item()).getSocketAddress();
        (down.equals(server) ? downKeys : upKeys).add(key);
      }
    } finally {
      client.shutdown();
    }
    assertThat(downKeys).as("keys on the server to stop").hasSizeGreaterThan(20);
    assertThat(upKeys).as("keys on the other server").hasSizeGreaterThan(20);
  }
}
