package dev.lexigram.cache.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.RedisSettings;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link TagContract} on a real redis-server, and two processes sharing it. */
@ExtendWith(RedisServerExtension.class)
class RedisTagIT extends TagContract {

  private final RedisServer server;

  RedisTagIT(RedisServer server) {
    this.server = server;
  }

  @Override
  protected LexigramSettings settings() {
    return RedisSettings.withDefaultBackend("RedisTagIT", server.url(), "tags");
  }

  @Override
  protected FakeClock clock() {
    return FakeClock.startingNow();
  }

  @Test
  void anotherManager_seesAnInvalidationWithinTheWindow() {
    assertAnotherManagerSeesTheInvalidationWithinTheWindow();
  }

  @Test
  void twoProcesses_taggedInOne_invalidatedInTheOther_goneInTheFirstWithinTheWindow() throws Exception {
    long millis = TwoProcessTags.run(ConfigFiles.writeTemporary("tags", "cache:\n  backends:\n    - name: shared\n"
        + "      type: redis\n      url: " + server.url() + "\n  caches:\n    catalog: { tags: [catalog] }\n"));

    assertThat(millis).isLessThan(1_000);
  }
}
