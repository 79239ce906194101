package dev.lexigram.cache.stampede;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.RedisSettings;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ReadThroughStampedeContract} on a real redis-server (in-process single flight, and leases across processes). */
@ExtendWith(RedisServerExtension.class)
class RedisReadThroughStampedeIT extends ReadThroughStampedeContract {

  private final RedisServer server;

  RedisReadThroughStampedeIT(RedisServer server) {
    this.server = server;
  }

  @Override
  LexigramSettings settings() {
    return RedisSettings.withDefaultBackend("RedisReadThroughStampedeIT", server.url(), "stampede");
  }

  @Override
  FakeClock clock() {
    return FakeClock.startingNow();
  }

  @Test
  void get_3ProcessesOf32ReadersOf4ColdKeys_loadOncePerKeyInAllProcessesTogether() throws Exception {
    URI config = ConfigFiles.writeTemporary("stampede", "cache:\n  backends:\n    - name: shared\n      type: redis\n      url: " + server.url() + "\n");

    Map<String, Integer> calls = MultiProcessStampede.run(config, "multi-process");

    assertThat(calls).containsOnlyKeys(StampedeProcess.KEYS).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
  }

  @Test
  void get_holderStuckInItsLoad_anotherProcessTakesOverWhenTheLeaseRunsOut() throws Exception {
    assertStuckHolderIsTakenOverAfterItsLease();
  }
}
