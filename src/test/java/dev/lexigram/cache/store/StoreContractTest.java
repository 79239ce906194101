package dev.lexigram.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract, written once: every backend's store test extends this class and supplies
 * its store. Each test names the clause it checks.
 */
public abstract class StoreContractTest {

  protected final FakeClock clock = newClock();
  protected Store store;

  /** Returns the clock the store reads; remote stores override it with {@link FakeClock#startingNow()}. */
  protected FakeClock newClock() {
    return new FakeClock();
  }

  /** Returns a new, empty store that reads the given clock. */
  protected abstract Store createStore(FakeClock clock);

  @BeforeEach
  void openStore() {
    store = createStore(clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private long inOneMinute() {
    return clock.millis() + 60_000;
  }

  @Test
  void get_absentKey_returnsNull() {
    assertThat(store.get("missing")).isNull();
  }

  @Test
  void put_thenGet_returnsValueAndExpiry() {
    long expiresAt = inOneMinute();
    StoreEntry written = store.put("k", "v", expiresAt);
    StoreEntry read = store.get("k");
    assertThat(read.value()).isEqualTo("v");
    assertThat(read.expiresAt()).isEqualTo(expiresAt);
    assertThat(read.version()).isEqualTo(written.version());
  }

  @Test
  void put_twice_changesVersion() {
    StoreEntry first = store.put("k", "v1", inOneMinute());
    StoreEntry second = store.put("k", "v2", inOneMinute());
    assertThat(second.version()).isNotEqualTo(first.version());
    assertThat(store.get("k").value()).isEqualTo("v2");
  }

  @Test
  void meta_givenWithAWrite_comesBackWithTheEntryUntilTheNextWrite() {
    EntryMeta meta = EntryMeta.computedIn(120);
    assertThat(store.put("p", "v", inOneMinute(), meta).meta()).isEqualTo(meta);
    assertThat(store.get("p").meta()).isEqualTo(meta);
    assertThat(store.compareAndSet("c", null, "v", StoreEntry.ETERNAL, meta)).isTrue();
    assertThat(store.get("c").meta()).as("an eternal entry keeps its meta too").isEqualTo(meta);
    store.putAll(Map.of("a", new StoreWrite("v", inOneMinute(), meta)));
    assertThat(store.getAll(List.of("a")).get("a").meta()).isEqualTo(meta);

    store.put("p", "v2", inOneMinute());
    assertThat(store.get("p").meta()).as("a write without meta").isNull();
  }

  @Test
  void meta_survivesATouch() {
    EntryMeta meta = EntryMeta.computedIn(7);
    store.put("k", "v", inOneMinute(), meta);
    StoreEntry read = store.get("k");
    assertThat(store.touch("k", read, inOneMinute() + 1_000)).isTrue();
    StoreEntry touched = store.get("k");
    assertThat(touched.meta()).isEqualTo(meta);
    assertThat(touched.version()).isEqualTo(read.version());
    assertThat(touched.value()).isEqualTo("v");
  }

  /** What {@link Store#read} handed to its reader, as text. */
  private static final EntryReader<String> DESCRIBING = new EntryReader<>() {
    @Override
    public String absent(Object key) {
      return "absent " + key;
    }

    @Override
    public String eternal(Object key, Object value) {
      return "eternal " + key + "=" + value;
    }

    @Override
    public String entry(Object key, StoreEntry entry) {
      return "entry " + key + "=" + entry.value() + (entry.expiresAt() == StoreEntry.ETERNAL ? "" : " timed");
    }
  };

  @Test
  void read_absentKey_tellsTheReaderAbsent() {
    assertThat(store.read("missing", DESCRIBING)).isEqualTo("absent missing");
  }

  @Test
  void read_eternalEntry_givesTheValueBareOrInItsEntry() {
    store.put("k", "v", StoreEntry.ETERNAL);
    assertThat(store.read("k", DESCRIBING)).isIn("eternal k=v", "entry k=v");
  }

  @Test
  void read_timedEntry_givesTheEntryWithItsInstant() {
    store.put("eternal", "e", StoreEntry.ETERNAL);
    store.put("k", "v", inOneMinute());
    assertThat(store.read("k", DESCRIBING)).isEqualTo("entry k=v timed");
  }

  @Test
  void touch_eternalEntry_thenCompareAndSetWithTheEntryReadBefore_replaces() {
    store.put("k", "v", StoreEntry.ETERNAL);
    StoreEntry read = store.get("k");
    assertThat(store.touch("k", read, inOneMinute())).isTrue();
    assertThat(store.compareAndSet("k", read, "v2", StoreEntry.ETERNAL)).isTrue();
    assertThat(store.get("k").value()).isEqualTo("v2");
  }

  @Test
  void compareAndSet_absentExpectedAndKeyAbsent_creates() {
    assertThat(store.compareAndSet("k", null, "v", StoreEntry.ETERNAL)).isTrue();
    assertThat(store.get("k").value()).isEqualTo("v");
  }

  @Test
  void compareAndSet_absentExpectedButKeyPresent_changesNothing() {
    store.put("k", "v", StoreEntry.ETERNAL);
    assertThat(store.compareAndSet("k", null, "other", StoreEntry.ETERNAL)).isFalse();
    assertThat(store.get("k").value()).isEqualTo("v");
  }

  @Test
  void compareAndSet_sameVersion_replaces() {
    StoreEntry entry = store.put("k", "v", StoreEntry.ETERNAL);
    assertThat(store.compareAndSet("k", entry, "v2", StoreEntry.ETERNAL)).isTrue();
    assertThat(store.get("k").value()).isEqualTo("v2");
  }

  @Test
  void compareAndSet_staleVersion_changesNothing() {
    StoreEntry stale = store.put("k", "v", StoreEntry.ETERNAL);
    store.put("k", "v2", StoreEntry.ETERNAL);
    assertThat(store.compareAndSet("k", stale, "v3", StoreEntry.ETERNAL)).isFalse();
    assertThat(store.get("k").value()).isEqualTo("v2");
  }

  @Test
  void compareAndSet_nullNewValue_removes() {
    StoreEntry entry = store.put("k", "v", StoreEntry.ETERNAL);
    assertThat(store.compareAndSet("k", entry, null, 0L)).isTrue();
    assertThat(store.get("k")).isNull();
  }

  @Test
  void compareAndSet_racingWriters_exactlyOneWinsEachRound() throws Exception {
    StoreEntry start = store.put("counter", 0, StoreEntry.ETERNAL);
    int threads = 4;
    int incrementsPerThread = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < incrementsPerThread; i++) {
          while (true) {
            StoreEntry current = store.get("counter");
            if (store.compareAndSet("counter", current, (Integer) current.value() + 1, StoreEntry.ETERNAL)) {
              break;
            }
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> future : futures) {
      future.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(start.value()).isEqualTo(0);
    assertThat(store.get("counter").value()).isEqualTo(threads * incrementsPerThread);
  }

  @Test
  void touch_sameVersion_changesExpiryKeepsVersion() {
    StoreEntry entry = store.put("k", "v", inOneMinute());
    long later = clock.millis() + 120_000;
    assertThat(store.touch("k", entry, later)).isTrue();
    StoreEntry read = store.get("k");
    assertThat(read.expiresAt()).isEqualTo(later);
    assertThat(read.version()).isEqualTo(entry.version());
  }

  @Test
  void touch_staleVersion_changesNothing() {
    StoreEntry stale = store.put("k", "v", inOneMinute());
    StoreEntry fresh = store.put("k", "v2", inOneMinute());
    assertThat(store.touch("k", stale, StoreEntry.ETERNAL)).isFalse();
    assertThat(store.get("k").expiresAt()).isEqualTo(fresh.expiresAt());
  }

  @Test
  void remove_presentKey_returnsEntryAndRemoves() {
    store.put("k", "v", StoreEntry.ETERNAL);
    assertThat(store.remove("k").value()).isEqualTo("v");
    assertThat(store.get("k")).isNull();
    assertThat(store.remove("k")).isNull();
  }

  @Test
  void getAll_mixedKeys_returnsOnlyPresent() {
    store.put("a", "1", StoreEntry.ETERNAL);
    store.put("b", "2", StoreEntry.ETERNAL);
    Map<Object, StoreEntry> found = store.getAll(List.of("a", "b", "c"));
    assertThat(found).containsOnlyKeys("a", "b");
    assertThat(found.get("b").value()).isEqualTo("2");
  }

  @Test
  void putAll_thenRemoveAll_leavesOthers() {
    store.putAll(Map.of("a", new StoreWrite("1", StoreEntry.ETERNAL), "b", new StoreWrite("2", StoreEntry.ETERNAL),
        "c", new StoreWrite("3", StoreEntry.ETERNAL)));
    store.removeAll(Set.of("a", "b"));
    assertThat(store.get("a")).isNull();
    assertThat(store.get("c").value()).isEqualTo("3");
  }

  @Test
  void keys_listsEveryPresentKey() {
    for (int i = 0; i < 50; i++) {
      store.put("key:" + i, i, StoreEntry.ETERNAL);
    }
    List<Object> keys = new ArrayList<>();
    store.keys().forEachRemaining(keys::add);
    assertThat(keys).hasSize(50).contains("key:0", "key:49");
  }

  @Test
  void clear_removesEverything() {
    store.put("a", "1", StoreEntry.ETERNAL);
    store.put("b", "2", StoreEntry.ETERNAL);
    store.clear();
    assertThat(store.get("a")).isNull();
    assertThat(store.keys().hasNext()).isFalse();
  }

  @Test
  void expiredEntry_isNeverReturnedAsLive() {
    store.put("k", "v", clock.millis() + 1_000);
    clock.advance(Duration.ofSeconds(2));
    StoreEntry entry = store.get("k");
    assertThat(entry == null || entry.isExpired(clock.millis())).isTrue();
  }

  @Test
  void close_twice_isHarmless() {
    store.close();
    store.close();
    store = createStore(clock);
  }
}
