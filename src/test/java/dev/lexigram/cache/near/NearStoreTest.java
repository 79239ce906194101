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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NearStore} over an in-process store, with a channel the test drives: what is answered
 * locally, what is kept, and what a generation change or an invalidation does.
 */
class NearStoreTest {

  private final RemoteKeys keys = new RemoteKeys("t", "items", Serializers.builder().build());
  /** The channel the Redis backend uses, driven by the test as its connection events would. */
  private final Generations channel = new Generations();
  private final NearCounters counters = new NearCounters();
  private Store remote;
  private NearEntries entries;
  private NearStore near;

  @BeforeEach
  void setUp() {
    remote = MemoryStores.create(null, Clock.systemUTC(), StoreEvictionListener.ignoring(), false);
    channel.trustSince(channel.generation()); // a connection that tracks
    entries = new NearEntries(keys, new NearCacheSettings(true, 3, Duration.ofMinutes(1), Duration.ofSeconds(1)),
        counters);
    near = new NearStore(remote, Serializers.builder().build(), entries, channel, counters);
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

    channel.distrust(); // a lost connection
    assertThat(near.get("k").value()).isEqualTo("v2");
    assertThat(near.get("k").value()).as("nothing kept while untrusted").isEqualTo("v2");
    assertThat(counters.getHits()).isZero();

    channel.trustSince(channel.generation()); // tracking confirmed again
    near.get("k");
    assertThat(near.get("k").value()).isEqualTo("v2");
    assertThat(counters.getHits()).isEqualTo(1);
  }

  @Test
  void anInvalidation_removesTheCopy_andOneDuringAFill_keepsNothing() {
    remote.put("k", "v1", StoreEntry.ETERNAL);
    near.get("k");
    channel.invalidate(List.of(keys.nameOf("k")));
    assertThat(near.get("k").value()).isEqualTo("v1");
    assertThat(counters.getHits()).as("the invalidated copy was not used").isZero();

    Object slot = entries.slotOf("r");
    NearEntries.Reservation reservation = entries.reserve(slot, channel.generation());
    entries.invalidate(keys.nameOf("r")); // the server's word for it overtakes the fill
    entries.complete(slot, reservation, new StoreEntry("old", 7, StoreEntry.ETERNAL), Serializers.builder().build());

    assertThat(entries.copy(slot, channel.generation())).isNull();
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
