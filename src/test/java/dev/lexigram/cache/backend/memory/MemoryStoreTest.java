package dev.lexigram.cache.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.EntryReader;
import dev.lexigram.cache.store.MarkedEntry;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreContractTest;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The memory store passes the store contract, and reports what Caffeine drops by itself. */
class MemoryStoreTest extends StoreContractTest {

  private final List<StoreEvictionListener.Cause> evictions = new CopyOnWriteArrayList<>();

  @Override
  protected Store createStore(FakeClock clock) {
    return MemoryStores.create(null, clock, (key, entry, cause) -> evictions.add(cause), true);
  }

  @Test
  void eternalEntry_identifiedByItsValueObject_sameObjectWrittenAgainStillMatches() {
    String value = new String("v");
    StoreEntry read = store.put("k", value, StoreEntry.ETERNAL);
    assertThat(read.version()).isEqualTo(StoreEntry.IDENTIFIED_BY_VALUE);
    store.put("k", value, StoreEntry.ETERNAL); // the key holds the very object read: nobody can tell
    assertThat(store.compareAndSet("k", read, "v2", StoreEntry.ETERNAL)).isTrue();
  }

  @Test
  void eternalEntry_anEqualButOtherObjectWritten_noLongerMatches() {
    StoreEntry read = store.put("k", new String("v"), StoreEntry.ETERNAL);
    store.put("k", new String("v"), StoreEntry.ETERNAL);
    assertThat(store.compareAndSet("k", read, "v2", StoreEntry.ETERNAL)).isFalse();
    assertThat(store.touch("k", read, clock.millis() + 1_000)).isFalse();
    assertThat(store.get("k").value()).isEqualTo("v");
  }

  @Test
  void eternalEntry_madeTimed_noLongerMatchesAfterAnotherWriteOfTheSameObject() {
    String value = new String("v");
    StoreEntry eternal = store.put("k", value, StoreEntry.ETERNAL);
    StoreEntry timed = store.put("k", value, clock.millis() + 60_000);
    assertThat(timed.version()).isNotEqualTo(StoreEntry.IDENTIFIED_BY_VALUE);
    assertThat(store.compareAndSet("k", eternal, "v2", StoreEntry.ETERNAL)).isFalse();
    assertThat(store.compareAndSet("k", timed, "v2", StoreEntry.ETERNAL)).isTrue();
  }

  @Test
  void valueThatIsItselfAStoreEntry_isKeptInAnEntryOfItsOwn() {
    StoreEntry value = new StoreEntry("inner", 7, StoreEntry.ETERNAL);
    store.put("k", value, StoreEntry.ETERNAL);
    StoreEntry read = store.read("k", new EntryReader<>() {
      @Override
      public StoreEntry absent(Object key) {
        throw new AssertionError("absent");
      }

      @Override
      public StoreEntry eternal(Object key, Object bare) {
        throw new AssertionError("a StoreEntry value handed over bare: " + bare);
      }

      @Override
      public StoreEntry entry(Object key, StoreEntry entry) {
        return entry;
      }
    });
    assertThat(read.value()).isSameAs(value);
    assertThat(store.get("k").value()).isSameAs(value);
  }

  @Test
  void taggedEternalEntry_readHandsValueAndMetaWithoutAnEntryObject() {
    String value = new String("v");
    EntryMeta meta = EntryMeta.tagged(new String[] {"catalog"}, new long[] {7});
    store.put("k", value, StoreEntry.ETERNAL, meta);
    Object[] handed = store.read("k", new EntryReader<Object[]>() {
      @Override
      public Object[] absent(Object key) {
        throw new AssertionError("absent");
      }

      @Override
      public Object[] eternal(Object key, Object bare) {
        throw new AssertionError("a tagged entry handed over without its meta: " + bare);
      }

      @Override
      public Object[] marked(Object key, MarkedEntry kept) {
        return new Object[] {kept.value(), kept.meta()};
      }

      @Override
      public Object[] entry(Object key, StoreEntry entry) {
        throw new AssertionError("an entry object built for a tagged eternal entry: " + entry);
      }
    });
    assertThat(handed[0]).isSameAs(value);
    assertThat(handed[1]).isSameAs(meta);
    StoreEntry read = store.get("k");
    assertThat(read.version()).isEqualTo(StoreEntry.IDENTIFIED_BY_VALUE);
    assertThat(read.meta()).isSameAs(meta);
    assertThat(store.getAll(List.of("k")).get("k").meta()).isSameAs(meta);
  }

  @Test
  void taggedEternalEntry_identifiedByValueAndMeta_otherMetaNoLongerMatches() {
    String value = new String("v");
    EntryMeta meta = EntryMeta.tagged(new String[] {"catalog"}, new long[] {7});
    StoreEntry read = store.put("k", value, StoreEntry.ETERNAL, meta);
    store.put("k", value, StoreEntry.ETERNAL, EntryMeta.tagged(new String[] {"catalog"}, new long[] {8}));
    assertThat(store.compareAndSet("k", read, "v2", StoreEntry.ETERNAL)).isFalse();
    assertThat(store.touch("k", read, clock.millis() + 1_000)).isFalse();
    store.put("k", value, StoreEntry.ETERNAL, meta); // the very objects read: nobody can tell
    assertThat(store.compareAndSet("k", read, "v2", StoreEntry.ETERNAL)).isTrue();
    assertThat(store.get("k").meta()).isNull();
  }

  @Test
  void taggedEternalEntry_touchedToTimedAndBack_keepsItsMetaAndIdentity() {
    EntryMeta meta = EntryMeta.tagged(new String[] {"catalog"}, new long[] {7});
    StoreEntry read = store.put("k", "v", StoreEntry.ETERNAL, meta);
    long expiresAt = clock.millis() + 60_000;
    assertThat(store.touch("k", read, expiresAt)).isTrue();
    StoreEntry timed = store.get("k");
    assertThat(timed.expiresAt()).isEqualTo(expiresAt);
    assertThat(timed.meta()).isSameAs(meta);
    assertThat(store.touch("k", timed, StoreEntry.ETERNAL)).isTrue();
    StoreEntry eternal = store.get("k");
    assertThat(eternal.expiresAt()).isEqualTo(StoreEntry.ETERNAL);
    assertThat(eternal.meta()).isSameAs(meta);
    assertThat(store.compareAndSet("k", read, "v2", StoreEntry.ETERNAL)).isTrue(); // touches keep identity
  }

  @Test
  void evictionOfATaggedEternalEntry_reportsItsMeta() {
    List<StoreEntry> evicted = new CopyOnWriteArrayList<>();
    Store bounded = MemoryStores.create(1L, clock, (key, entry, cause) -> evicted.add(entry), false);
    EntryMeta meta = EntryMeta.tagged(new String[] {"catalog"}, new long[] {7});
    for (int i = 0; i < 20; i++) {
      bounded.put(i, "value " + i, StoreEntry.ETERNAL, meta);
    }
    assertThat(evicted).isNotEmpty().allSatisfy(entry -> {
      assertThat(entry.value()).asString().startsWith("value ");
      assertThat(entry.meta()).isSameAs(meta);
    });
    bounded.close();
  }

  @Test
  void evictionOfABareValue_reportsItsEntry() {
    List<StoreEntry> evicted = new CopyOnWriteArrayList<>();
    Store bounded = MemoryStores.create(1L, clock, (key, entry, cause) -> evicted.add(entry), false);
    for (int i = 0; i < 20; i++) {
      bounded.put(i, "value " + i, StoreEntry.ETERNAL);
    }
    assertThat(evicted).isNotEmpty().allSatisfy(entry -> {
      assertThat(entry.value()).asString().startsWith("value ");
      assertThat(entry.expiresAt()).isEqualTo(StoreEntry.ETERNAL);
    });
    bounded.close();
  }

  @Test
  void expiry_reclaimedWithoutReadingTheKey() {
    store.put("short", "v", clock.millis() + 1_000);
    store.put("long", "v", StoreEntry.ETERNAL);
    clock.advance(Duration.ofSeconds(2));
    store.put("other", "v", StoreEntry.ETERNAL); // any write runs Caffeine's maintenance
    List<Object> keys = new java.util.ArrayList<>();
    store.keys().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrder("long", "other");
    assertThat(evictions).containsExactly(StoreEvictionListener.Cause.EXPIRED);
  }

  @Test
  void storeWithoutCaffeineExpiry_sweepReclaimsTimedEntriesWithoutReads() {
    List<Object> expired = new CopyOnWriteArrayList<>();
    MemoryStore eternalPolicy = (MemoryStore) MemoryStores.create(null, clock,
        (key, entry, cause) -> expired.add(key + ":" + cause), false);
    eternalPolicy.put("timed", "v", clock.millis() + 1_000);
    eternalPolicy.put("forever", "v", StoreEntry.ETERNAL);
    assertThat(eternalPolicy.sweepExpired()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(eternalPolicy.sweepExpired()).isZero();
    assertThat(expired).containsExactly("timed:EXPIRED");
    assertThat(eternalPolicy.get("timed")).isNull();
    assertThat(eternalPolicy.get("forever")).isNotNull();
    eternalPolicy.close();
  }

  @Test
  void maxSize_evictsAndReportsSizeEvictions() {
    Store bounded = MemoryStores.create(10L, clock, (key, entry, cause) -> evictions.add(cause), false);
    for (int i = 0; i < 100; i++) {
      bounded.put(i, i, StoreEntry.ETERNAL);
    }
    List<Object> keys = new java.util.ArrayList<>();
    bounded.keys().forEachRemaining(keys::add);
    assertThat(keys.size()).isLessThanOrEqualTo(10);
    assertThat(evictions).hasSize(100 - keys.size()).containsOnly(StoreEvictionListener.Cause.SIZE);
    bounded.close();
  }
}
