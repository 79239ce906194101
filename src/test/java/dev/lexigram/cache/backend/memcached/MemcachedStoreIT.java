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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /**
   * Plain gets and multi-gets go through a client that merges the gets queued for a server into
   * one packet; compare-and-set reads through the other client. Under concurrency every merged get
   * must still answer its own key (a hit with its value, a miss as null), and the racing
   * compare-and-set writers must lose no increment.
   */
  @Test
  void concurrentGets_mergedIntoOnePacket_answerEachTheirOwnKey_whileCompareAndSetRaces() throws Exception {
    int keys = 40;
    for (int i = 0; i < keys; i += 2) {
      store.put("present" + i, "value" + i, StoreEntry.ETERNAL); // odd numbers stay absent
    }
    store.put("counter", 0, StoreEntry.ETERNAL);
    int readers = 16;
    int writers = 4;
    int increments = 50;
    ExecutorService threads = Executors.newFixedThreadPool(readers + writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> readResults = new ArrayList<>();
    List<Future<Integer>> writeResults = new ArrayList<>();
    try {
      for (int r = 0; r < readers; r++) {
        int offset = r;
        readResults.add(threads.submit(() -> {
          start.await();
          int checked = 0;
          for (int n = 0; n < 200; n++) {
            int i = (offset + n) % keys;
            StoreEntry entry = store.get("present" + i);
            assertThat(entry == null ? null : entry.value()).isEqualTo(i % 2 == 0 ? "value" + i : null);
            List<Object> asked = List.of("present" + i, "present" + ((i + 1) % keys), "present" + ((i + 2) % keys));
            assertThat(store.getAll(asked).keySet())
                .containsExactlyInAnyOrderElementsOf(asked.stream().filter(k -> k.toString().matches(".*[02468]")).toList());
            checked++;
          }
          return checked;
        }));
      }
      for (int w = 0; w < writers; w++) {
        writeResults.add(threads.submit(() -> {
          start.await();
          int done = 0;
          while (done < increments) {
            StoreEntry current = store.get("counter");
            if (store.compareAndSet("counter", current, (Integer) current.value() + 1, StoreEntry.ETERNAL)) {
              done++;
            }
          }
          return done;
        }));
      }
      start.countDown();
      for (Future<Integer> result : readResults) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      }
      for (Future<Integer> result : writeResults) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(increments);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(store.get("counter").value()).isEqualTo(writers * increments);
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
