package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.ext.ExtensionContractTest;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisTlsFiles;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The extension contract on the TLS-only, ACL-user redis-server of {@link RedisTlsStoreIT}, as
 * {@link RedisExtensionIT} runs it on a plain server: the backend trusts the test's certificate
 * authority through its {@code trust_store} key and logs in as the ACL user in the url.
 */
class RedisTlsExtensionIT extends ExtensionContractTest {

  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static RedisTlsFiles files;
  private static RedisServer server;

  private final CacheFixture fixture;

  RedisTlsExtensionIT() {
    LexigramSettings plain = RedisExtensionIT.settings(server.url(), "tls-ext-" + PREFIXES.incrementAndGet());
    BackendSettings redis = plain.backends().get(0);
    BackendSettings tls = new BackendSettings(redis.name(), redis.type(), true, null, null, redis.url(),
        redis.keyPrefix(), redis.servers(), null, null, redis.timeout(), files.caCertificate());
    fixture = new CacheFixture(new LexigramSettings(plain.source(), List.of(tls), plain.caches(), plain.service(),
        plain.environment()), FakeClock.startingNow());
  }

  @BeforeAll
  static void startServer() {
    files = RedisTlsFiles.create();
    server = RedisServer.startTls(files);
  }

  @AfterAll
  static void stopServer() {
    server.stop();
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
