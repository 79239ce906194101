package dev.lexigram.cache.tag;

import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.RedisSettings;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisClusterServers;
import dev.lexigram.cache.testing.RedisServerExtension;
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
    return RedisSettings.withDefaultBackend("RedisClusterTagIT", cluster.url(), "tags-cluster");
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
