package dev.lexigram.cache.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.NearCacheStatisticsMXBean;
import dev.lexigram.cache.backend.redis.RedisStores;
import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.config.NearCacheSettings;
import dev.lexigram.cache.serial.Serializers;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The near cache on a real redis-server: hits without a round trip, invalidation by the server's
 * client tracking (another manager's, or another JVM's, changes), the race between a read's reply
 * and an invalidation, and what a lost or silent connection does to the local copies.
 */
@ExtendWith(RedisServerExtension.class)
class RedisNearCacheIT {

  private final RedisServer server;

  RedisNearCacheIT(RedisServer server) {
    this.server = server;
  }

  private URI config(String prefix, String nearCache) {
    return ConfigFiles.writeTemporary("near", NearCaches.config("- name: shared\n  type: redis\n  url: " + server.url()
        + "\n  key_prefix: " + prefix, nearCache));
  }

  private static CacheManager open(URI config) {
    // a copy of the file is another URI, so another manager with a connection of its own
    return Caching.getCachingProvider().getCacheManager(config, RedisNearCacheIT.class.getClassLoader());
  }

  private URI copyOf(URI config) throws Exception {
    return ConfigFiles.writeTemporary("near-copy", java.nio.file.Files.readString(java.nio.file.Path.of(config)));
  }

  @Test
  void aRepeatedRead_isANearHit_andAnotherManagersWrite_replacesIt() throws Exception {
    URI config = config("hits", "{ max_size: 100, max_ttl: 30s }");
    try (CacheManager reader = open(config); CacheManager writer = open(copyOf(config))) {
      Cache<String, String> read = NearCaches.items(reader);
      Cache<String, String> write = NearCaches.items(writer);
      write.put("k", "v1");
      assertThat(read.get("k")).isEqualTo("v1");
      assertThat(read.get("k")).isEqualTo("v1");
      NearCacheStatisticsMXBean statistics = NearCaches.statistics(reader, "items");
      assertThat(statistics.getHits()).isEqualTo(1);
      assertThat(statistics.getMisses()).isEqualTo(1);

      write.put("k", "v2");

      await().atMost(Duration.ofSeconds(1)).until(() -> "v2".equals(read.get("k")));
      assertThat(statistics.getInvalidations()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void ownWrites_areReadAtOnce() {
    try (CacheManager manager = open(config("own", "{ max_ttl: 30s }"))) {
      Cache<String, String> cache = NearCaches.items(manager);
      for (int i = 0; i < 50; i++) {
        cache.put("k", "v" + i);
        assertThat(cache.get("k")).isEqualTo("v" + i);
        assertThat(cache.get("k")).isEqualTo("v" + i);
      }
      cache.remove("k");
      assertThat(cache.get("k")).isNull();
      cache.put("k", "again");
      assertThat(cache.getAndPut("k", "replaced")).isEqualTo("again");
      assertThat(cache.get("k")).isEqualTo("replaced");
      assertThat(cache.replace("k", "replaced", "cas")).isTrue();
      assertThat(cache.get("k")).isEqualTo("cas");
    }
  }

  @Test
  void aNearHit_returnsACopy_ofAMutableValue() {
    try (CacheManager manager = open(config("copies", "{ max_ttl: 30s }"))) {
      @SuppressWarnings("unchecked")
      Cache<String, java.util.ArrayList<String>> cache = manager.createCache("lists",
          new javax.cache.configuration.MutableConfiguration<String, java.util.ArrayList<String>>());
      cache.put("k", new java.util.ArrayList<>(List.of("a")));
      cache.get("k").add("changed by a caller");
      cache.get("k").add("changed by a caller");

      assertThat(cache.get("k")).containsExactly("a");
      assertThat(NearCaches.statistics(manager, "lists").getHits()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void aFlushOfTheServer_dropsEveryLocalCopy() throws Exception {
    try (CacheManager manager = open(config("flush", "{ max_ttl: 30s }"));
        RedisCommandsForTests admin = new RedisCommandsForTests(server.url())) {
      Cache<String, String> cache = NearCaches.items(manager);
      cache.put("k", "v");
      assertThat(cache.get("k")).isEqualTo("v");

      admin.sync().flushall();

      await().atMost(Duration.ofSeconds(1)).until(() -> cache.get("k") == null);
      assertThat(NearCaches.statistics(manager, "items").getFlushes()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void anInvalidationOvertakingARead_leavesNothingOldCached() throws Exception {
    PausingSerializer serializer = new PausingSerializer(Serializers.builder().build());
    NearCounters counters = new NearCounters();
    BackendSettings settings = new BackendSettings("race", BackendType.REDIS, true, null, null, server.url(), "race",
        List.of(), null, null, Duration.ofSeconds(2));
    try (StoreBackend nearBackend = RedisStores.backend(settings, serializer);
        StoreBackend otherBackend = RedisStores.backend(settings, Serializers.builder().build())) {
      Store near = nearBackend.open(new StoreContext("items", Clock.systemUTC(), StoreEvictionListener.ignoring(), false,
          null, NearCacheSettings.defaults(), counters));
      Store other = otherBackend.open(new StoreContext("items", Clock.systemUTC(), StoreEvictionListener.ignoring(),
          false, null));
      other.put("k", "old", StoreEntry.ETERNAL);

      serializer.pauseNextRead();
      CompletableFuture<StoreEntry> read = CompletableFuture.supplyAsync(() -> near.get("k"));
      serializer.awaitPaused(); // the reply is in: the server tracks the key for the near cache
      other.put("k", "new", StoreEntry.ETERNAL);
      await().atMost(Duration.ofSeconds(5)).until(() -> counters.getInvalidations() >= 1);
      serializer.resume();

      assertThat(read.get(10, TimeUnit.SECONDS).value()).as("the read returns what it read").isEqualTo("old");
      assertThat(near.get("k").value()).as("but kept nothing").isEqualTo("new");
      assertThat(near.get("k").value()).isEqualTo("new");
      assertThat(counters.getHits()).as("only the last read is a near hit").isEqualTo(1);
    }
  }

  @Test
  void aKilledConnection_dropsTheLocalCopies_beforeAnswersResume() throws Exception {
    URI config = config("killed", "{ max_ttl: 30s, heartbeat: 200ms }");
    try (CacheManager reader = open(config); CacheManager writer = open(copyOf(config));
        RedisCommandsForTests admin = new RedisCommandsForTests(server.url())) {
      Cache<String, String> read = NearCaches.items(reader);
      Cache<String, String> write = NearCaches.items(writer);
      write.put("k", "old");
      assertThat(read.get("k")).isEqualTo("old");
      NearCacheStatisticsMXBean statistics = NearCaches.statistics(reader, "items");
      long flushes = statistics.getFlushes();

      admin.killTrackingConnections();
      await().atMost(Duration.ofSeconds(2)).until(() -> statistics.getFlushes() > flushes);
      write.put("k", "new"); // its invalidation would have gone to the dead connection

      await().atMost(Duration.ofSeconds(3)).ignoreException(CacheException.class)
          .until(() -> "new".equals(read.get("k")));
      await().atMost(Duration.ofSeconds(3)).until(() -> {
        read.get("k");
        return statistics.getHits() > 1; // answering locally again after the reconnect
      });
      assertThat(read.get("k")).isEqualTo("new");
    }
  }

  @Test
  void aSilentConnection_stopsTheLocalAnswers_withinTwoHeartbeats() throws Exception {
    URI config = config("silent", "{ max_ttl: 30s, heartbeat: 200ms }");
    try (CacheManager reader = open(config); RedisCommandsForTests admin = new RedisCommandsForTests(server.url())) {
      Cache<String, String> read = NearCaches.items(reader);
      read.put("k", "v");
      assertThat(read.get("k")).isEqualTo("v");
      NearCacheStatisticsMXBean statistics = NearCaches.statistics(reader, "items");
      long flushes = statistics.getFlushes();

      long pausedAt = System.nanoTime();
      admin.sync().clientPause(1_500); // every client: the heartbeat goes unanswered
      await().atMost(Duration.ofMillis(1_400)).until(() -> statistics.getFlushes() > flushes);
      long silentFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pausedAt);

      assertThat(silentFor).as("heartbeat 200 ms: at most two heartbeats and a scheduling margin").isLessThan(1_000);
      await().atMost(Duration.ofSeconds(5)).ignoreException(CacheException.class)
          .until(() -> "v".equals(read.get("k")) && "v".equals(read.get("k")) && statistics.getHits() > 1);
    }
  }

  @Test
  void aNearCacheOnACacheOfAMemoryBackend_isAConfigurationError() {
    URI config = ConfigFiles.writeTemporary("near", "cache:\n  backends:\n    - name: local\n      type: memory\n"
        + "      near_cache: { max_size: 10 }\n");

    assertThatThrownBy(() -> open(config)).hasMessageContaining("near_cache applies only to redis and memcached");
  }

  @Test
  void twoProcesses_everyChangeInOne_reachesTheOthersNearCache() throws Exception {
    List<Long> lags = TwoProcessNear.run(config("twojvm", "{ max_ttl: 30s }"), 1_000);

    assertThat(lags).hasSize(6);
  }

  @Test
  void theTagsTwoProcessCheck_passesUnchanged_withTheNearCacheOn() throws Exception {
    long millis = dev.lexigram.cache.tag.TwoProcessTags.run(ConfigFiles.writeTemporary("tags-near", "cache:\n"
        + "  backends:\n    - name: shared\n      type: redis\n      url: " + server.url() + "\n      key_prefix: tagsnear\n"
        + "      near_cache: { max_ttl: 30s }\n  caches:\n    catalog: { tags: [catalog] }\n"));

    assertThat(millis).isLessThan(1_000);
  }

  /** An admin connection of the test's own, to the test's server. */
  static final class RedisCommandsForTests implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisCommandsForTests(String url) {
      client = RedisClient.create(url);
      connection = client.connect();
    }

    io.lettuce.core.api.sync.RedisCommands<String, String> sync() {
      return connection.sync();
    }

    /** Kills every connection that has client tracking on (the near caches'), by id. */
    void killTrackingConnections() {
      TrackingClients.killAll(sync());
    }

    @Override
    public void close() {
      connection.close();
      client.shutdown();
    }
  }
}
