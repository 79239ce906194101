package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.SemanticCache;
import dev.lexigram.cache.SemanticHit.Tier;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.config.SemanticSettings;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import dev.lexigram.cache.testing.RedisSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SemanticCacheContract} on a real redis-server, another manager, and two processes sharing it. */
@ExtendWith(RedisServerExtension.class)
class RedisSemanticCacheIT extends SemanticCacheContract {

  private final RedisServer server;

  RedisSemanticCacheIT(RedisServer server) {
    this.server = server;
  }

  @Override
  protected LexigramSettings settings() {
    return RedisSettings.withDefaultBackend("RedisSemanticCacheIT", server.url(), "semantic");
  }

  @Test
  void anotherManager_findsAParaphraseOfAnAnswerStoredBeforeItOpened_andAfter() {
    ok(answers.store(request("How do I reset my password?"), "link"));

    try (var other = newFixture(SemanticSettings.defaults("answers"))) {
      SemanticCache second = manager(other).semanticCache("answers");
      assertThat(ok(second.lookup(request("how can I reset my password"))).orElseThrow().tier())
          .as("indexed when it opened").isEqualTo(Tier.SEMANTIC);

      ok(answers.store(request("What is the capital of Australia?"), "Canberra"));
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
          .until(() -> ok(second.lookup(request("Which city is the capital of Australia?"))).isPresent());
    }
  }

  @Test
  void twoProcesses_anAnswerStoredInOne_isFoundByAParaphraseInTheOther() throws Exception {
    long millis = TwoProcessSemantic.run(ConfigFiles.writeTemporary("semantic", "cache:\n  backends:\n"
        + "    - name: shared\n      type: redis\n      url: " + server.url() + "\n      key_prefix: two-jvm\n"
        + "  semantic:\n    answers: { backend: shared }\n"));

    assertThat(millis).as("sync_interval 500 ms, plus a poll").isLessThan(2_000);
  }
}
