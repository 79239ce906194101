package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.ext.ExtensionContractTest;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisClusterServers;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extension contract with a three-master Redis Cluster as the default backend, as
 * {@link RedisExtensionIT} runs it on a plain server: its own key prefix per test, time from a
 * fake clock that starts at the real time.
 */
@ExtendWith(RedisServerExtension.class)
class RedisClusterExtensionIT extends ExtensionContractTest {

  private static final AtomicInteger PREFIXES = new AtomicInteger();

  RedisClusterExtensionIT(RedisClusterServers cluster) {
    super(new CacheFixture(RedisExtensionIT.settings(cluster.url(), "cluster-ext-" + PREFIXES.incrementAndGet()),
        FakeClock.startingNow()));
  }
}
