package dev.lexigram.cache.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisSentinelServers;
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
 * The near cache across a Sentinel failover: a process whose near cache holds a value, the master
 * replaced, another process writing a new value to the new master; the first process reads the new
 * value within seconds (the copies dropped with the old connection), not after {@code max_ttl}.
 */
@ExtendWith(RedisServerExtension.class)
class RedisSentinelNearCacheIT {

  @Test
  void afterAFailover_aNewWriteIsSeen_longBeforeMaxTtl(RedisSentinelServers sentinel) throws Exception {
    URI config = ConfigFiles.writeTemporary("near-sentinel", NearCaches.config("- name: shared\n  type: redis\n  url: "
        + sentinel.url() + "\n  key_prefix: near-failover\n  timeout: 1s", "{ max_ttl: 60s, heartbeat: 200ms }"));
    URI writerConfig = ConfigFiles.writeTemporary("near-sentinel", Files.readString(Path.of(config)));
    try (CacheManager readers = Caching.getCachingProvider().getCacheManager(config, getClass().getClassLoader());
        CacheManager writers = Caching.getCachingProvider().getCacheManager(writerConfig, getClass().getClassLoader())) {
      Cache<String, String> read = NearCaches.items(readers);
      Cache<String, String> write = NearCaches.items(writers);
      write.put("k", "before");
      assertThat(read.get("k")).isEqualTo("before");
      assertThat(read.get("k")).isEqualTo("before");
      assertThat(NearCaches.statistics(readers, "items").getHits()).isEqualTo(1);

      int oldMaster = sentinel.masterPort();
      sentinel.onSentinel(s -> s.failover(RedisSentinelServers.MASTER_NAME));
      await().atMost(Duration.ofSeconds(30)).until(() -> sentinel.masterPort() != oldMaster);
      await("the write reaches the new master").atMost(Duration.ofSeconds(30)).ignoreException(CacheException.class)
          .until(() -> {
            write.put("k", "after");
            return true;
          });
      long written = System.nanoTime();

      await("the reader sees the new value").atMost(Duration.ofSeconds(10)).ignoreException(CacheException.class)
          .until(() -> "after".equals(read.get("k")));
      long seenAfterMillis = (System.nanoTime() - written) / 1_000_000;
      System.out.println("[near sentinel failover] master " + oldMaster + " -> " + sentinel.masterPort()
          + "; the reader saw the write made on the new master after " + seenAfterMillis + " ms (max_ttl 60 s)");
      assertThat(seenAfterMillis).isLessThan(10_000);
    }
  }
}
