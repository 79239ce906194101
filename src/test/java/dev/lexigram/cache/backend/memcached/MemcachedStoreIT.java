package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.serial.Serializers;
import dev.lexigram.cache.store.RemoteKeys;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreContractTest;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import dev.lexigram.cache.testing.MemcachedServers;
import dev.lexigram.cache.testing.MemcachedSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The memcached store passes the store contract on two servers, and holds keys memcached cannot. */
@ExtendWith(MemcachedServerExtension.class)
@MemcachedServerExtension.Servers(count = 2)
class MemcachedStoreIT extends StoreContractTest {

  private static final AtomicInteger CACHES = new AtomicInteger();

  private final Serializer serializer = Serializers.builder().build();
  private final BackendSettings settings;
  private final MemcachedBackend backend;
  private String cacheName;

  MemcachedStoreIT(MemcachedServers servers) {
    settings = MemcachedSettings.backend("store-it", servers.addresses());
    backend = new MemcachedBackend(settings, serializer);
  }

  @Override
  protected FakeClock newClock() {
    return FakeClock.startingNow();
  }

  @Override
  protected Store createStore(FakeClock clock) {
    cacheName = "store" + CACHES.incrementAndGet();
    return backend.open(new StoreContext(cacheName, clock, StoreEvictionListener.ignoring(),
        true, null));
  }

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  private ItemNames names() {
    return new ItemNames(new RemoteKeys(null, cacheName, serializer));
  }

  /** Writes item bytes past the store, as another (or a broken) writer would. */
  private void writeRaw(String item, byte[] bytes) throws Exception {
    MemcachedClient raw = ClientSetup.connect(settings, ClientSetup.addresses(settings), false);
    try {
      assertThat(raw.set(item, 0, bytes, BytesTranscoder.INSTANCE).get(2, TimeUnit.SECONDS)).isTrue();
    } finally {
      raw.shutdown();
    }
  }

  private List<Object> keys() {
    List<Object> keys = new ArrayList<>();
    store.keys().forEachRemaining(keys::add);
    return keys;
  }

  @ParameterizedTest
  @ValueSource(strings = {"with space", "ключ ✓", "tab\tand\nnewline", "\u0001control"})
  void keyMemcachedCannotHold_roundTripsListsAndRemoves(String key) {
    StoreEntry written = store.put(key, "v", StoreEntry.ETERNAL);
    assertThat(store.get(key)).isEqualTo(written);
    assertThat(keys()).containsExactly(key);
    assertThat(store.remove(key).value()).isEqualTo("v");
    assertThat(store.get(key)).isNull();
  }

  @Test
  void longKey_isHashedAndRoundTrips() {
    String key = "k".repeat(1_000);
    store.put(key, 1, StoreEntry.ETERNAL);
    store.put("short", 2, StoreEntry.ETERNAL);
    assertThat(store.get(key).value()).isEqualTo(1);
    assertThat(store.getAll(List.of(key, "short")).keySet()).containsExactlyInAnyOrder(key, "short");
    assertThat(keys()).containsExactlyInAnyOrder(key, "short");
    store.clear();
    assertThat(keys()).isEmpty();
  }

  @Test
  void nonStringKeys_areListedAsThemselves() {
    store.put(42, "int", StoreEntry.ETERNAL);
    store.put(7L, "long", StoreEntry.ETERNAL);
    assertThat(keys()).containsExactlyInAnyOrder(42, 7L);
  }

  @Test
  void hashCollision_isAMissNeverAnotherKeysValue() throws Exception {
    String key = "x".repeat(300);
    MemcachedStore memcached = (MemcachedStore) store;
    store.put(key, "mine", StoreEntry.ETERNAL);
    ItemNames names = names();
    byte[] forged = Record.encode(1L, StoreEntry.ETERNAL, names.keys().nameOf("y".repeat(300)), serializer.serialize("theirs"));
    writeRaw(names.of(key).item(), forged);

    assertThat(store.get(key)).isNull();
    assertThat(store.getAll(List.of(key))).isEmpty();
    assertThat(keys()).isEmpty();
    assertThat(memcached.unreadableItems()).isPositive();
    assertThat(store.compareAndSet(key, null, "mine again", StoreEntry.ETERNAL)).isTrue();
    assertThat(store.get(key).value()).isEqualTo("mine again");
  }

  @Test
  void unreadableItem_isAMiss() throws Exception {
    MemcachedStore memcached = (MemcachedStore) store;
    writeRaw(names().of("k").item(), new byte[] {1, 2, 3});
    assertThat(store.get("k")).isNull();
    assertThat(memcached.unreadableItems()).isEqualTo(1);
  }
}
