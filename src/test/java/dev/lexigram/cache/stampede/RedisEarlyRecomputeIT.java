package dev.lexigram.cache.stampede;

import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.config.ProtectionSettings;
import dev.lexigram.cache.testing.RedisSettings;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
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
    return ReadThroughStampedeContract.withProtection(
        RedisSettings.withDefaultBackend("RedisEarlyRecomputeIT", server.url(), "xfetch"), true, protection);
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
