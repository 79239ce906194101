package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.ext.ExtensionContractTest;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisTlsFiles;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
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

  RedisTlsExtensionIT() {
    super(new CacheFixture(tlsSettings(), FakeClock.startingNow()));
  }

  private static LexigramSettings tlsSettings() {
    LexigramSettings plain = RedisExtensionIT.settings(server.url(), "tls-ext-" + PREFIXES.incrementAndGet());
    BackendSettings redis = plain.backends().get(0);
    BackendSettings tls = new BackendSettings(redis.name(), redis.type(), true, null, null, redis.url(),
        redis.keyPrefix(), redis.servers(), null, null, redis.timeout(), files.caCertificate());
    return new LexigramSettings(plain.source(), List.of(tls), plain.caches(), plain.service(), plain.environment());
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
}
