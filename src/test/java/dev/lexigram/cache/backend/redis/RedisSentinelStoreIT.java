package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreContractTest;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisSentinelServers;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract on a Sentinel-managed master ({@code redis-sentinel://…#mymaster}) with
 * {@code replica_acks: 1}, so every write of the contract also waits for the replica; plus the
 * query form of the URL and a write that fewer replicas acknowledge than configured.
 */
@ExtendWith(RedisServerExtension.class)
class RedisSentinelStoreIT extends StoreContractTest {

  private static final AtomicInteger CACHES = new AtomicInteger();
  private static StoreBackend backend;
  private static RedisSentinelServers sentinel;

  @BeforeAll
  static void connect(RedisSentinelServers servers) {
    sentinel = servers;
    backend = RedisStores.backend(settings(servers.url(), 1), RedisStoreIT.serializer());
  }

  @AfterAll
  static void disconnect() {
    backend.close();
  }

  static BackendSettings settings(String url, int replicaAcks) {
    return new BackendSettings("redis-sentinel-it", BackendType.REDIS, true, null, null, url, "it", List.of(),
        null, null, Duration.ofSeconds(2), null, replicaAcks);
  }

  @Override
  protected FakeClock newClock() {
    return FakeClock.startingNow();
  }

  @Override
  protected Store createStore(FakeClock clock) {
    return open(backend);
  }

  private Store open(StoreBackend on) {
    return on.open(new StoreContext("sentinel-" + CACHES.incrementAndGet(), clock,
        StoreEvictionListener.ignoring(), true, null));
  }

  @Test
  void put_throughSentinel_landsOnTheMasterAndItsReplica() {
    store.put("k", "v", StoreEntry.ETERNAL);
    String name = "it:sentinel-" + CACHES.get() + ":k";
    for (var server : sentinel.dataServers()) {
      // replica_acks: 1 means the replica has it once put returns
      Long present = RedisSentinelServers.on(server, commands -> commands.exists(name));
      assertThat(present).as("on " + server).isEqualTo(1L);
    }
  }

  @Test
  void queryForm_sentinelMasterId_connectsToTheSameMaster() {
    StoreBackend other = RedisStores.backend(settings(sentinel.queryUrl(), 0), RedisStoreIT.serializer());
    try {
      Store viaQuery = other.open(new StoreContext("sentinel-" + CACHES.get(), clock,
          StoreEvictionListener.ignoring(), true, null));
      viaQuery.put("k", "written via ?sentinelMasterId=", StoreEntry.ETERNAL);
      assertThat(store.get("k").value()).isEqualTo("written via ?sentinelMasterId=");
    } finally {
      other.close();
    }
  }

  @Test
  void put_moreReplicaAcksThanReplicas_failsWithTimeoutNamingTheFix() {
    StoreBackend demanding = RedisStores.backend(settings(sentinel.url(), 2), RedisStoreIT.serializer());
    try {
      Store strict = open(demanding);
      assertThatThrownBy(() -> strict.put("k", "v", StoreEntry.ETERNAL))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT))
          .hasMessageContaining("redis-sentinel-it")
          .hasMessageContaining("only 1 of 2 replicas acknowledged it")
          .hasMessageContaining("lower replica_acks");
    } finally {
      demanding.close();
    }
  }
}
