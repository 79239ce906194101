package dev.lexigram.cache.near;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.backend.memory.MemoryStores;
import dev.lexigram.cache.config.NearCacheSettings;
import dev.lexigram.cache.serial.Serializers;
import dev.lexigram.cache.store.RemoteKeys;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NearStore} over an in-process store, with a channel the test drives: what is answered
 * locally, what is kept, and what a generation change or an invalidation does.
 */
class NearStoreTest {

  /** A channel whose generation and invalidations the test sets. */
  private static final class TestChannel implements NearChannel {
    final AtomicLong generation = new AtomicLong(1);
    final List<NearEntries> attached = new ArrayList<>();

    @Override
    public long generation() {
      return generation.get();
    }

    @Override
    public void attach(NearEntries entries) {
      attached.add(entries);
    }

    @Override
    public void detach(NearEntries entries) {
      attached.remove(entries);
    }
  }

  private final RemoteKeys keys = new RemoteKeys("t", "items", Serializers.builder().build());
  private final TestChannel channel = new TestChannel();
  private final NearCounters counters = new NearCounters();
  private Store remote;
  private NearStore near;

  @BeforeEach
  void setUp() {
    remote = MemoryStores.create(null, Clock.systemUTC(), StoreEvictionListener.ignoring(), false);
    near = new NearStore(remote, Serializers.builder().build(),
        new NearEntries(keys, new NearCacheSettings(true, 3, Duration.ofMinutes(1), Duration.ofSeconds(1)),
            counters),
        channel, counters);
  }

  @Test
  void aSecondRead_isAnsweredLocally_withTheEntrysVersionAndExpiry() {
    StoreEntry written = remote.put("k", "v", 123_456L);
    near.get("k");

    StoreEntry hit = near.get("k");

    assertThat(hit).isEqualTo(new StoreEntry("v", written.version(), 123_456L));
    assertThat(counters.getHits()).isEqualTo(1);
    assertThat(counters.getMisses()).isEqualTo(1);
  }

  @Test
  void anAbsentKey_isNotKept() {
    assertThat(near.get("k")).isNull();
    remote.put("k", "v", StoreEntry.ETERNAL);

    assertThat(near.get("k").value()).isEqualTo("v");
    assertThat(counters.getHits()).isZero();
  }

  @Test
  void aNewGeneration_dropsEveryCopy_andANegativeOneKeepsNothing() {
    remote.put("k", "v1", StoreEntry.ETERNAL);
    near.get("k");
    remote.put("k", "v2", StoreEntry.ETERNAL); // a change this channel never reported

    channel.generation.set(-5);
    assertThat(near.get("k").value()).isEqualTo("v2");
    assertThat(near.get("k").value()).as("nothing kept while untrusted").isEqualTo("v2");
    assertThat(counters.getHits()).isZero();

    channel.generation.set(6);
    near.get("k");
    assertThat(near.get("k").value()).isEqualTo("v2");
    assertThat(counters.getHits()).isEqualTo(1);
  }

  @Test
  void anInvalidation_removesTheCopy_andOneDuringAFill_keepsNothing() {
    remote.put("k", "v1", StoreEntry.ETERNAL);
    near.get("k");
    channel.attached.get(0).invalidate(keys.nameOf("k"));
    assertThat(near.get("k").value()).isEqualTo("v1");
    assertThat(counters.getHits()).as("the invalidated copy was not used").isZero();

    NearEntries entries = channel.attached.get(0);
    Object slot = entries.slotOf("r");
    NearEntries.Reservation reservation = entries.reserve(slot, 1);
    entries.invalidate(keys.nameOf("r")); // the server's word for it overtakes the fill
    entries.complete(slot, reservation, new StoreEntry("old", 7, StoreEntry.ETERNAL), Serializers.builder().build());

    assertThat(entries.copy(slot, 1)).isNull();
    assertThat(counters.getInvalidations()).isEqualTo(2);
  }

  @Test
  void ownWrites_removesAndClear_forgetTheCopies() {
    remote.put("a", "1", StoreEntry.ETERNAL);
    remote.put("b", "1", StoreEntry.ETERNAL);
    near.getAll(Set.of("a", "b"));

    near.put("a", "2", StoreEntry.ETERNAL);
    near.remove("b");
    assertThat(near.get("a").value()).isEqualTo("2");
    assertThat(near.get("b")).isNull();

    near.get("a");
    near.clear();
    assertThat(near.get("a")).isNull();
  }

  @Test
  void getAll_answersWhatItHolds_andReadsOnlyTheRest() {
    remote.put("a", "1", StoreEntry.ETERNAL);
    remote.put("b", "2", StoreEntry.ETERNAL);
    near.get("a");

    Map<Object, StoreEntry> found = near.getAll(Set.of("a", "b", "c"));

    assertThat(found).containsOnlyKeys("a", "b");
    assertThat(counters.getHits()).isEqualTo(1);
    assertThat(near.get("b").value()).isEqualTo("2");
    assertThat(counters.getHits()).isEqualTo(2);
  }

  @Test
  void aMutableValue_isCopiedForEveryHit() {
    remote.put("k", new ArrayList<>(List.of("x")), StoreEntry.ETERNAL);
    near.get("k");

    @SuppressWarnings("unchecked")
    List<String> first = (List<String>) near.get("k").value();
    first.add("changed");

    assertThat(near.get("k").value()).isEqualTo(List.of("x"));
  }

  @Test
  void aCopyOlderThanMaxTtl_isNotUsed() {
    NearCounters own = new NearCounters();
    NearStore shortLived = new NearStore(remote, Serializers.builder().build(), new NearEntries(keys,
        new NearCacheSettings(true, 10, Duration.ofMillis(200), Duration.ofSeconds(1)), own), channel, own);
    remote.put("k", "v", StoreEntry.ETERNAL);
    shortLived.get("k");
    assertThat(shortLived.get("k")).isNotNull();
    assertThat(own.getHits()).isEqualTo(1);

    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> {
      shortLived.get("k");
      return own.getMisses() > 1;
    });
  }

  @Test
  void aKeyThatIsNotKnownImmutable_isFiledUnderItsName() {
    NearEntries entries = channel.attached.get(0);
    java.util.ArrayList<String> key = new java.util.ArrayList<>(List.of("a"));

    assertThat(entries.slotOf(key)).isEqualTo(keys.nameOf(key));
    assertThat(entries.slotOf(42L)).isEqualTo(42L);
  }

  @Test
  void maxSize_boundsTheCopies() {
    for (int i = 0; i < 10; i++) {
      remote.put("k" + i, "v", StoreEntry.ETERNAL);
      near.get("k" + i);
    }

    assertThat(counters.getSize()).isLessThanOrEqualTo(3);
  }
}
