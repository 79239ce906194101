package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.config.BackendSettings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreContractTest;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisTlsFiles;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a redis-server that speaks only TLS (certificates made by the test) and
 * admits only an ACL user; the backend trusts the test's certificate authority and logs in with
 * {@code rediss://app:…@127.0.0.1:<tls-port>}.
 */
class RedisTlsStoreIT extends StoreContractTest {

  private static final AtomicInteger CACHES = new AtomicInteger();
  private static RedisTlsFiles files;
  private static RedisServer server;
  private static StoreBackend backend;

  @BeforeAll
  static void connect() {
    files = RedisTlsFiles.create();
    server = RedisServer.startTls(files);
    BackendSettings plain = RedisStoreIT.settings(server.url());
    // the trust store comes from the backend's trust_store key, as a user configures it
    BackendSettings tls = new BackendSettings(plain.name(), plain.type(), true, null, null, plain.url(),
        plain.keyPrefix(), plain.servers(), null, null, plain.timeout(), files.caCertificate());
    backend = RedisStores.backend(tls, RedisStoreIT.serializer());
  }

  @AfterAll
  static void disconnect() {
    try {
      backend.close();
    } finally {
      server.stop();
    }
  }

  @Override
  protected FakeClock newClock() {
    return FakeClock.startingNow();
  }

  @Override
  protected Store createStore(FakeClock clock) {
    String cacheName = "tls-contract-" + CACHES.incrementAndGet();
    return backend.open(new StoreContext(cacheName, clock, StoreEvictionListener.ignoring(), true, null));
  }

  @Test
  void backendDescription_masksTheAclPassword() {
    assertThat(backend.toString()).contains("rediss://app:***@127.0.0.1:" + server.port())
        .doesNotContain(RedisTlsFiles.PASSWORD);
  }

  @Test
  void compareAndSet_overTls_runsTheScript() {
    StoreEntry entry = store.put("k", "v", StoreEntry.ETERNAL);
    assertThat(store.compareAndSet("k", entry, "v2", StoreEntry.ETERNAL)).isTrue();
    assertThat(store.get("k").value()).isEqualTo("v2");
  }
}
