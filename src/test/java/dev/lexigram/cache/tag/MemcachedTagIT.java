package dev.lexigram.cache.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServer;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import dev.lexigram.cache.testing.MemcachedServers;
import dev.lexigram.cache.testing.MemcachedSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link TagContract} on two real memcached servers (tag versions and entries spread over both),
 * and two processes sharing them.
 */
@ExtendWith(MemcachedServerExtension.class)
@MemcachedServerExtension.Servers(count = 2)
class MemcachedTagIT extends TagContract {

  private final MemcachedServers servers;

  MemcachedTagIT(MemcachedServers servers) {
    this.servers = servers;
  }

  @Override
  protected LexigramSettings settings() {
    return MemcachedSettings.withDefaultBackend(servers.addresses());
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
        + "      type: memcached\n      servers: [\"" + String.join("\", \"", servers.addresses())
        + "\"]\n  caches:\n    catalog: { tags: [catalog] }\n"));

    assertThat(millis).isLessThan(1_000);
  }

  @Test
  void tagVersionEvicted_itsEntriesReadAsAbsent() throws Exception {
    var writer = extension(plainCache("tags-evicted"));
    writer.put("k", "v", dev.lexigram.cache.WriteOptions.tagged("evicted"));
    writer.put("kept", "v", dev.lexigram.cache.WriteOptions.tagged("kept"));

    // what memcached's LRU does to an item nobody reads: the version is gone (from the server holding it)
    List<String> answers = new java.util.ArrayList<>();
    for (MemcachedServer server : servers.all()) {
      answers.add(server.command("delete lexigram::tag:evicted"));
    }
    assertThat(answers).containsOnlyOnce("DELETED");

    try (var other = newFixture()) { // a process that has not read the version before
      var cache = other.cache("tags-evicted", new javax.cache.configuration.MutableConfiguration<String, String>()
          .setTypes(String.class, String.class));
      assertThat(cache.get("k")).as("an entry whose tag has no version").isNull();
      assertThat(cache.get("kept")).isEqualTo("v");
    }
  }
}
