package dev.lexigram.cache.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.NearCacheStatisticsMXBean;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisClusterServers;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The near cache on a three-master Redis Cluster: one listener per master hears every change
 * under the backend's prefix; keys on every master are invalidated; a listener that drops costs
 * the copies until the heartbeat has it tracking again.
 */
@ExtendWith(RedisServerExtension.class)
class RedisClusterNearCacheIT {

  private final RedisClusterServers cluster;

  RedisClusterNearCacheIT(RedisClusterServers cluster) {
    this.cluster = cluster;
  }

  private URI config(String prefix) {
    return ConfigFiles.writeTemporary("near-cluster", NearCaches.config("- name: shared\n  type: redis\n  url: "
        + cluster.url() + "\n  key_prefix: " + prefix, "{ max_ttl: 30s, heartbeat: 200ms }"));
  }

  private static CacheManager open(URI config) {
    return Caching.getCachingProvider().getCacheManager(config, RedisClusterNearCacheIT.class.getClassLoader());
  }

  private static URI copyOf(URI config) throws Exception {
    return ConfigFiles.writeTemporary("near-cluster", Files.readString(Path.of(config)));
  }

  @Test
  void keysOnEveryMaster_areNearHits_andAnotherManagersWritesReplaceThem() throws Exception {
    URI config = config("cluster-hits");
    try (CacheManager reader = open(config); CacheManager writer = open(copyOf(config))) {
      Cache<String, String> read = NearCaches.items(reader);
      Cache<String, String> write = NearCaches.items(writer);
      NearCacheStatisticsMXBean statistics = NearCaches.statistics(reader, "items");
      for (int i = 0; i < 30; i++) { // 30 keys spread over the three masters' slots
        write.put("k" + i, "old");
      }
      // every master broadcasts each change under the prefix: wait for the 30 writes' pushes,
      // which would otherwise also drop copies made after the writes (harmless, but not a hit)
      await().atMost(Duration.ofSeconds(2)).until(() -> statistics.getInvalidations() >= 30);
      for (int i = 0; i < 30; i++) {
        assertThat(read.get("k" + i)).isEqualTo("old");
        assertThat(read.get("k" + i)).isEqualTo("old");
      }
      assertThat(statistics.getHits()).isEqualTo(30);
      for (int m = 0; m < RedisClusterServers.MASTERS; m++) {
        assertThat(cluster.keysOnNode(m, "cluster-hits:items:*")).as("keys on master " + m).isNotEmpty();
      }

      for (int i = 0; i < 30; i++) {
        write.put("k" + i, "new");
      }

      await().atMost(Duration.ofSeconds(1)).until(() -> {
        for (int i = 0; i < 30; i++) {
          if (!"new".equals(read.get("k" + i))) {
            return false;
          }
        }
        return true;
      });
      assertThat(statistics.getInvalidations()).isGreaterThanOrEqualTo(60);
    }
  }

  @Test
  void aDroppedListener_dropsTheCopies_untilItTracksAgain() throws Exception {
    URI config = config("cluster-killed");
    try (CacheManager reader = open(config); CacheManager writer = open(copyOf(config))) {
      Cache<String, String> read = NearCaches.items(reader);
      Cache<String, String> write = NearCaches.items(writer);
      write.put("k", "old");
      assertThat(read.get("k")).isEqualTo("old");
      NearCacheStatisticsMXBean statistics = NearCaches.statistics(reader, "items");
      long flushes = statistics.getFlushes();

      for (int m = 0; m < RedisClusterServers.MASTERS; m++) {
        cluster.onNode(m, TrackingClients::killAll);
      }
      await().atMost(Duration.ofSeconds(2)).until(() -> statistics.getFlushes() > flushes);
      write.put("k", "new"); // its push would have gone to a dead listener

      await().atMost(Duration.ofSeconds(3)).ignoreException(CacheException.class)
          .until(() -> "new".equals(read.get("k")));
      long hits = statistics.getHits();
      await().atMost(Duration.ofSeconds(3)).until(() -> {
        read.get("k");
        return statistics.getHits() > hits; // answering locally again once every listener tracks
      });
      assertThat(read.get("k")).isEqualTo("new");
    }
  }
}
