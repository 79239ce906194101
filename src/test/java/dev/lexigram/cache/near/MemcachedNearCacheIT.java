package dev.lexigram.cache.near;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.NearCacheStatisticsMXBean;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import dev.lexigram.cache.testing.MemcachedServers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The near cache on two real memcached servers, which cannot tell a process of another's writes:
 * a process reads its own writes at once, and another process's changes within {@code max_ttl}
 * (tag invalidations within {@code tag_staleness}, through the tag versions).
 */
@ExtendWith(MemcachedServerExtension.class)
@MemcachedServerExtension.Servers(count = 2)
class MemcachedNearCacheIT {

  private static final long MAX_TTL_MILLIS = 500;

  private final MemcachedServers servers;

  MemcachedNearCacheIT(MemcachedServers servers) {
    this.servers = servers;
  }

  private URI config(String prefix) {
    return ConfigFiles.writeTemporary("near-mc", NearCaches.config("- name: shared\n  type: memcached\n  servers: [\""
        + String.join("\", \"", servers.addresses()) + "\"]\n  key_prefix: " + prefix,
        "{ max_ttl: " + MAX_TTL_MILLIS + "ms }"));
  }

  private static CacheManager open(URI config) {
    return Caching.getCachingProvider().getCacheManager(config, MemcachedNearCacheIT.class.getClassLoader());
  }

  @Test
  void aRepeatedRead_isANearHit_andOwnWritesAreReadAtOnce() {
    try (CacheManager manager = open(config("own"))) {
      Cache<String, String> cache = NearCaches.items(manager);
      for (int i = 0; i < 20; i++) {
        cache.put("k", "v" + i);
        assertThat(cache.get("k")).isEqualTo("v" + i);
        assertThat(cache.get("k")).isEqualTo("v" + i);
      }
      NearCacheStatisticsMXBean statistics = NearCaches.statistics(manager, "items");
      assertThat(statistics.getHits()).as("every second read").isEqualTo(20);
      cache.remove("k");

      assertThat(cache.get("k")).isNull();
    }
  }

  @Test
  void anotherManagersWrite_isSeenWithinMaxTtl() throws Exception {
    URI config = config("other");
    try (CacheManager reader = open(config);
        CacheManager writer = open(ConfigFiles.writeTemporary("near-mc", Files.readString(Path.of(config))))) {
      Cache<String, String> read = NearCaches.items(reader);
      NearCaches.items(writer).put("k", "old");
      assertThat(read.get("k")).isEqualTo("old");
      long start = System.nanoTime();
      NearCaches.items(writer).put("k", "new");

      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMillis(MAX_TTL_MILLIS + 500))
          .until(() -> "new".equals(read.get("k")));
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThanOrEqualTo(MAX_TTL_MILLIS + 500);
    }
  }

  @Test
  void twoProcesses_everyChangeInOne_reachesTheOtherWithinMaxTtl() throws Exception {
    List<Long> lags = TwoProcessNear.run(config("twojvm"), MAX_TTL_MILLIS + 500);

    assertThat(lags).hasSize(6);
  }
}
