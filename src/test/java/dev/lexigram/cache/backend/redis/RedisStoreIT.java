package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.serial.Serializers;
import dev.lexigram.cache.store.Glob;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreContractTest;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract on a plain redis-server, plus what only a remote store has to show. */
@ExtendWith(RedisServerExtension.class)
class RedisStoreIT extends StoreContractTest {

  private static final AtomicInteger CACHES = new AtomicInteger();
  private static StoreBackend backend;
  private static RedisServer server;

  @BeforeAll
  static void connect(RedisServer redis) {
    server = redis;
    backend = RedisStores.backend(settings(redis.url()), serializer());
  }

  @AfterAll
  static void disconnect() {
    backend.close();
  }

  static BackendSettings settings(String url) {
    return new BackendSettings("redis-it", BackendType.REDIS, true, null, null, url, "it", List.of(),
        null, null, Duration.ofSeconds(2));
  }

  static Serializer serializer() {
    return Serializers.builder().build();
  }

  @Override
  protected FakeClock newClock() {
    return FakeClock.startingNow();
  }

  @Override
  protected Store createStore(FakeClock clock) {
    // a cache of its own per test, so every store starts empty on the shared server
    String cacheName = "contract-" + CACHES.incrementAndGet();
    return backend.open(new StoreContext(cacheName, clock, StoreEvictionListener.ignoring(), true, null));
  }

  @Test
  void put_withExpiry_setsNativeTtlOnTheServerWithGrace() {
    store.put("ttl", "v", clock.millis() + 60_000);
    try (var client = RawRedis.connect(server)) {
      long pttl = client.pttl(storeName("ttl"));
      assertThat(pttl).isBetween(50_000L, 60_000L + RedisStore.NATIVE_EXPIRY_GRACE_MILLIS);
    }
  }

  @Test
  void put_eternal_hasNoNativeTtl() {
    store.put("forever", "v", StoreEntry.ETERNAL);
    try (var client = RawRedis.connect(server)) {
      assertThat(client.pttl(storeName("forever"))).isEqualTo(-1L);
    }
  }

  @Test
  void get_foreignRecord_readsAsMissAndIsCounted() {
    try (var client = RawRedis.connect(server)) {
      client.set(storeName("foreign"), "written by someone else");
    }
    assertThat(store.get("foreign")).isNull();
    assertThat(((RedisStore) store).unreadableRecords()).isEqualTo(1);
  }

  @Test
  void keys_withGlob_returnsOnlyMatchingKeys() {
    store.put("product:1", 1, StoreEntry.ETERNAL);
    store.put("product:2", 2, StoreEntry.ETERNAL);
    store.put("user:1", 3, StoreEntry.ETERNAL);
    List<Object> found = new ArrayList<>();
    store.keys(Glob.compile("product:*")).forEachRemaining(found::add);
    assertThat(found).containsExactlyInAnyOrder("product:1", "product:2");
  }

  @Test
  void nonStringKeys_roundTripThroughKeys() {
    store.put(42L, "answer", StoreEntry.ETERNAL);
    List<Object> found = new ArrayList<>();
    store.keys().forEachRemaining(found::add);
    assertThat(found).containsExactly(42L);
    assertThat(store.get(42L).value()).isEqualTo("answer");
  }

  @Test
  void clear_leavesOtherCachesAlone() {
    Store other = createStore(clock);
    other.put("k", "other", StoreEntry.ETERNAL);
    store.put("k", "mine", StoreEntry.ETERNAL);
    store.clear();
    assertThat(store.get("k")).isNull();
    assertThat(other.get("k").value()).isEqualTo("other");
  }

  @Test
  void compareAndSet_afterScriptFlush_reloadsTheScript() {
    StoreEntry entry = store.put("k", "v", StoreEntry.ETERNAL);
    try (var client = RawRedis.connect(server)) {
      client.scriptFlush();
    }
    assertThat(store.compareAndSet("k", entry, "v2", StoreEntry.ETERNAL)).isTrue();
    assertThat(store.get("k").value()).isEqualTo("v2");
  }

  private String storeName(String key) {
    return "it:contract-" + CACHES.get() + ":" + key;
  }
}
