package dev.lexigram.cache.stampede;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.config.ProtectionSettings;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link EarlyRecomputeContract} on a real redis-server, where a recompute runs once in all processes together. */
@ExtendWith(RedisServerExtension.class)
class RedisEarlyRecomputeIT extends EarlyRecomputeContract {

  private final RedisServer server;

  RedisEarlyRecomputeIT(RedisServer server) {
    this.server = server;
  }

  @Override
  LexigramSettings settings(ProtectionSettings protection) {
    LexigramSettings defaults = LexigramSettings.defaults();
    BackendSettings redis = new BackendSettings("redis", BackendType.REDIS, true, null, null, server.url(),
        "xfetch", List.of(), null, null, Duration.ofSeconds(2));
    return ReadThroughStampedeContract.withProtection(new LexigramSettings("RedisEarlyRecomputeIT", List.of(redis),
        defaults.caches(), defaults.service(), defaults.environment()), true, protection);
  }

  @Override
  FakeClock clock() {
    return FakeClock.startingNow();
  }

  @Test
  void get_twoProcessesCloseToExpiry_recomputeOnceInBothTogether() {
    assertTwoProcessesRecomputeOnceTogether();
  }
}
