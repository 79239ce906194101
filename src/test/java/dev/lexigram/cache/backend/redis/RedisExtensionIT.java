package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.ext.ExtensionContractTest;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extension contract with a redis backend as the default, time from a fake clock that starts
 * at the real time (the server expires keys on its own clock). Each test gets its own key prefix,
 * so caches of the same name in different tests never share entries.
 */
@ExtendWith(RedisServerExtension.class)
class RedisExtensionIT extends ExtensionContractTest {

  private static final AtomicInteger PREFIXES = new AtomicInteger();

  private final CacheFixture fixture;

  RedisExtensionIT(RedisServer server) {
    fixture = new CacheFixture(settings(server.url(), "ext-" + PREFIXES.incrementAndGet()), FakeClock.startingNow());
  }

  static LexigramSettings settings(String url, String keyPrefix) {
    LexigramSettings defaults = LexigramSettings.defaults();
    BackendSettings redis = new BackendSettings("redis", BackendType.REDIS, true, null, null, url, keyPrefix,
        List.of(), null, null, Duration.ofSeconds(2));
    return new LexigramSettings("RedisExtensionIT", List.of(redis), defaults.caches(), defaults.service(),
        defaults.environment());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Override
  protected <K, V> Cache<K, V> createCache(String name, MutableConfiguration<K, V> configuration) {
    return fixture.cache(name, configuration);
  }

  @Override
  protected void advance(Duration duration) {
    fixture.clock().advance(duration);
  }
}
