package dev.lexigram.cache.stampede;

import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.config.ProtectionSettings;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServer;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import dev.lexigram.cache.testing.MemcachedSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link EarlyRecomputeContract} on a real memcached, where a recompute runs once in all processes together. */
@ExtendWith(MemcachedServerExtension.class)
class MemcachedEarlyRecomputeIT extends EarlyRecomputeContract {

  private final MemcachedServer server;

  MemcachedEarlyRecomputeIT(MemcachedServer server) {
    this.server = server;
  }

  @Override
  LexigramSettings settings(ProtectionSettings protection) {
    return ReadThroughStampedeContract.withProtection(MemcachedSettings.withDefaultBackend(List.of(server.address())),
        true, protection);
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
