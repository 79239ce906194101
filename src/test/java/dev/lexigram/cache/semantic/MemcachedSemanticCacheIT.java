package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import dev.lexigram.cache.testing.MemcachedServers;
import dev.lexigram.cache.testing.MemcachedSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SemanticCacheContract} on two real memcached servers (records, feed slots and tag
 * versions spread over both), and two processes sharing them.
 */
@ExtendWith(MemcachedServerExtension.class)
@MemcachedServerExtension.Servers(count = 2)
class MemcachedSemanticCacheIT extends SemanticCacheContract {

  private final MemcachedServers servers;

  MemcachedSemanticCacheIT(MemcachedServers servers) {
    this.servers = servers;
  }

  @Override
  protected LexigramSettings settings() {
    return MemcachedSettings.withDefaultBackend(servers.addresses());
  }

  @Test
  void anAnswerLargerThanMemcachedTakes_isACapacityError_andNothingAnswers() {
    String answer = "x".repeat(2 * 1024 * 1024);

    var stored = answers.store(request("Write me a very long story"), answer);

    assertThat(stored.error().kind()).isEqualTo(CacheError.Kind.CAPACITY);
    assertThat(stored.error().message()).containsIgnoringCase("memcached");
    assertThat(ok(answers.lookup(request("Write me a very long story")))).isEmpty();
  }

  @Test
  void twoProcesses_anAnswerStoredInOne_isFoundByAParaphraseInTheOther() throws Exception {
    long millis = TwoProcessSemantic.run(ConfigFiles.writeTemporary("semantic", "cache:\n  backends:\n"
        + "    - name: shared\n      type: memcached\n      servers: [\"" + String.join("\", \"", servers.addresses())
        + "\"]\n  semantic:\n    answers: { backend: shared }\n"));

    assertThat(millis).as("sync_interval 500 ms, plus a poll").isLessThan(2_000);
  }
}
