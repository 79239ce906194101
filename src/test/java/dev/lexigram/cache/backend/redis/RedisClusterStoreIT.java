package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.store.Glob;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreContractTest;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreWrite;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisClusterServers;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract on a three-master Redis Cluster, connected through every node as a seed,
 * plus what only a cluster has to show: keys spread over all masters, and clear, pattern delete,
 * multi-key operations and scripts that work on every master.
 */
@ExtendWith(RedisServerExtension.class)
class RedisClusterStoreIT extends StoreContractTest {

  private static final AtomicInteger CACHES = new AtomicInteger();
  private static final int SPREAD = 60;
  private static StoreBackend backend;
  private static RedisClusterServers cluster;

  @BeforeAll
  static void connect(RedisClusterServers servers) {
    cluster = servers;
    backend = RedisStores.backend(RedisStoreIT.settings(servers.url()), RedisStoreIT.serializer());
  }

  @AfterAll
  static void disconnect() {
    backend.close();
  }

  @Override
  protected FakeClock newClock() {
    return FakeClock.startingNow();
  }

  @Override
  protected Store createStore(FakeClock clock) {
    return backend.open(new StoreContext("cluster-" + CACHES.incrementAndGet(), clock,
        StoreEvictionListener.ignoring(), true, null));
  }

  @Test
  void backend_withSeveralSeeds_isACluster() {
    assertThat(((RedisBackend) backend).isCluster()).isTrue();
  }

  @Test
  void put_manyKeys_landOnEveryMaster() {
    IntStream.range(0, SPREAD).forEach(i -> store.put("k" + i, i, StoreEntry.ETERNAL));
    List<Integer> perNode = keysPerNode();
    assertThat(perNode).allSatisfy(count -> assertThat(count).isPositive());
    assertThat(perNode.stream().mapToInt(Integer::intValue).sum()).isEqualTo(SPREAD);
  }

  @Test
  void getAll_keysOnEveryMaster_returnsThemAll() {
    Map<Object, StoreWrite> writes = new HashMap<>();
    IntStream.range(0, SPREAD).forEach(i -> writes.put("k" + i, new StoreWrite(i, StoreEntry.ETERNAL)));
    store.putAll(writes);
    List<Object> keys = new ArrayList<>(writes.keySet());
    keys.add("absent");
    Map<Object, StoreEntry> found = store.getAll(keys);
    assertThat(found).hasSize(SPREAD);
    assertThat(found.get("k7").value()).isEqualTo(7);
    assertThat(keysPerNode()).allSatisfy(count -> assertThat(count).isPositive());
  }

  @Test
  void clear_removesKeysFromEveryMaster() {
    IntStream.range(0, SPREAD).forEach(i -> store.put("k" + i, i, StoreEntry.ETERNAL));
    assertThat(keysPerNode()).allSatisfy(count -> assertThat(count).isPositive());
    store.clear();
    assertThat(keysPerNode()).containsOnly(0);
  }

  @Test
  void keysAndRemoveAll_patternDelete_removeMatchesFromEveryMaster() {
    IntStream.range(0, SPREAD).forEach(i -> store.put("product:" + i, i, StoreEntry.ETERNAL));
    store.put("user:1", "kept", StoreEntry.ETERNAL);
    List<Object> matching = new ArrayList<>();
    store.keys(Glob.compile("product:*")).forEachRemaining(matching::add);
    assertThat(matching).hasSize(SPREAD);
    store.removeAll(matching);
    assertThat(keysPerNode().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    assertThat(store.get("user:1").value()).isEqualTo("kept");
  }

  @Test
  void compareAndSet_afterScriptFlushOnEveryMaster_reloadsTheScript() {
    List<StoreEntry> entries = new ArrayList<>();
    IntStream.range(0, SPREAD).forEach(i -> entries.add(store.put("k" + i, i, StoreEntry.ETERNAL)));
    for (int node = 0; node < RedisClusterServers.MASTERS; node++) {
      cluster.onNode(node, commands -> commands.scriptFlush());
    }
    for (int i = 0; i < SPREAD; i++) {
      assertThat(store.compareAndSet("k" + i, entries.get(i), "new", StoreEntry.ETERNAL)).isTrue();
    }
    assertThat(store.get("k59").value()).isEqualTo("new");
  }

  @Test
  void connect_loadsTheScriptsOnEveryMaster() {
    StoreBackend fresh = RedisStores.backend(RedisStoreIT.settings(cluster.url()), RedisStoreIT.serializer());
    try {
      for (int node = 0; node < RedisClusterServers.MASTERS; node++) {
        cluster.onNode(node, commands -> commands.scriptFlush());
      }
      fresh.close();
      fresh = RedisStores.backend(RedisStoreIT.settings(cluster.url()), RedisStoreIT.serializer());
      RedisBackend redis = (RedisBackend) fresh;
      String[] shas = {redis.compareAndSetScript().sha(), redis.touchScript().sha()};
      for (int node = 0; node < RedisClusterServers.MASTERS; node++) {
        List<Boolean> loaded = cluster.onNode(node, commands -> commands.scriptExists(shas));
        assertThat(loaded).as("scripts on node " + node).containsExactly(true, true);
      }
    } finally {
      fresh.close();
    }
  }

  @Test
  void connect_singleSeedOfACluster_detectsTheCluster() {
    StoreBackend single = RedisStores.backend(RedisStoreIT.settings(cluster.seedUrl()), RedisStoreIT.serializer());
    try {
      assertThat(((RedisBackend) single).isCluster()).isTrue();
      Store other = single.open(new StoreContext(storeName(), clock, StoreEvictionListener.ignoring(), true, null));
      IntStream.range(0, SPREAD).forEach(i -> other.put("k" + i, i, StoreEntry.ETERNAL));
      assertThat(store.getAll(List.of("k1", "k2", "k3"))).containsOnlyKeys("k1", "k2", "k3");
    } finally {
      single.close();
    }
  }

  @Test
  void connect_clusterWithDatabaseOtherThanZero_failsWithTheFix() {
    BackendSettings settings = RedisStoreIT.settings(cluster.url() + "/3");
    assertThatThrownBy(() -> RedisStores.backend(settings, RedisStoreIT.serializer()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("only database 0")
        .hasMessageContaining("remove /3");
  }

  @Test
  void connect_singleSeedWithDatabaseOtherThanZero_failsWithTheFix() {
    BackendSettings settings = RedisStoreIT.settings(cluster.seedUrl() + "/3");
    assertThatThrownBy(() -> RedisStores.backend(settings, RedisStoreIT.serializer()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cluster mode, which has only database 0");
  }

  @Test
  void connect_clusterWithReplicaAcks_isRefused() {
    BackendSettings settings = new BackendSettings("redis-it", BackendType.REDIS, true, null, null, cluster.url(),
        "it", List.of(), null, null, Duration.ofSeconds(2), null, 1);
    assertThatThrownBy(() -> RedisStores.backend(settings, RedisStoreIT.serializer()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("replica_acks: 1 is not supported on a Redis Cluster");
  }

  private String storeName() {
    return "cluster-" + CACHES.get();
  }

  /** Returns, per master, how many names of the current test's store it holds. */
  private List<Integer> keysPerNode() {
    List<Integer> counts = new ArrayList<>();
    for (int node = 0; node < RedisClusterServers.MASTERS; node++) {
      counts.add(cluster.keysOnNode(node, "it:" + storeName() + ":*").size());
    }
    return counts;
  }
}
