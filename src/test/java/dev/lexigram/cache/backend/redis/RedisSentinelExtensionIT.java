package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.ext.ExtensionContractTest;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisSentinelServers;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extension contract on a Sentinel-managed master with {@code replica_acks: 1}, as
 * {@link RedisExtensionIT} runs it on a plain server.
 */
@ExtendWith(RedisServerExtension.class)
class RedisSentinelExtensionIT extends ExtensionContractTest {

  private static final AtomicInteger PREFIXES = new AtomicInteger();

  RedisSentinelExtensionIT(RedisSentinelServers sentinel) {
    super(new CacheFixture(settings(sentinel), FakeClock.startingNow()));
  }

  private static LexigramSettings settings(RedisSentinelServers sentinel) {
    LexigramSettings defaults = LexigramSettings.defaults();
    BackendSettings redis = new BackendSettings("redis", BackendType.REDIS, true, null, null, sentinel.url(),
        "sentinel-ext-" + PREFIXES.incrementAndGet(), List.of(), null, null, Duration.ofSeconds(2), null, 1);
    return new LexigramSettings("RedisSentinelExtensionIT", List.of(redis), defaults.caches(), defaults.service(),
        defaults.environment());
  }
}
