package dev.lexigram.cache.tag;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisClusterServers;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link TagContract} on a three-master Redis Cluster: a tag's version and the entries carrying it
 * live on different slots (the version names share no hash tag with entries).
 */
@ExtendWith(RedisServerExtension.class)
class RedisClusterTagIT extends TagContract {

  private final RedisClusterServers cluster;

  RedisClusterTagIT(RedisClusterServers cluster) {
    this.cluster = cluster;
  }

  @Override
  protected LexigramSettings settings() {
    LexigramSettings defaults = LexigramSettings.defaults();
    BackendSettings redis = new BackendSettings("redis", BackendType.REDIS, true, null, null, cluster.url(),
        "tags-cluster", List.of(), null, null, Duration.ofSeconds(2));
    return new LexigramSettings("RedisClusterTagIT", List.of(redis), defaults.caches(), defaults.service(),
        defaults.environment());
  }

  @Override
  protected FakeClock clock() {
    return FakeClock.startingNow();
  }

  @Test
  void anotherManager_seesAnInvalidationWithinTheWindow() {
    assertAnotherManagerSeesTheInvalidationWithinTheWindow();
  }
}
