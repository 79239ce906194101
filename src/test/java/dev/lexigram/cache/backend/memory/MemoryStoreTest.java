package dev.lexigram.cache.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

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
