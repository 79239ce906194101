package dev.lexigram.cache.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServer;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import dev.lexigram.cache.testing.MemcachedSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link TagContract} on a real memcached, and two processes sharing it. */
@ExtendWith(MemcachedServerExtension.class)
class MemcachedTagIT extends TagContract {

  private final MemcachedServer server;

  MemcachedTagIT(MemcachedServer server) {
    this.server = server;
  }

  @Override
  protected LexigramSettings settings() {
    return MemcachedSettings.withDefaultBackend(List.of(server.address()));
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
        + "      type: memcached\n      servers: [\"" + server.address() + "\"]\n  caches:\n    catalog: { tags: [catalog] }\n"));

    assertThat(millis).isLessThan(1_000);
  }

  @Test
  void tagVersionEvicted_itsEntriesReadAsAbsent() throws Exception {
    extension(plainCache("tags-evicted")).put("k", "v", dev.lexigram.cache.WriteOptions.tagged("evicted"));
    extension(plainCache("tags-evicted")).put("kept", "v", dev.lexigram.cache.WriteOptions.tagged("kept"));

    // what memcached's LRU does to an item nobody reads: the version is gone
    assertThat(server.command("delete lexigram::tag:evicted")).isEqualTo("DELETED");

    try (var other = newFixture()) { // a process that has not read the version before
      var cache = other.cache("tags-evicted", new javax.cache.configuration.MutableConfiguration<String, String>()
          .setTypes(String.class, String.class));
      assertThat(cache.get("k")).as("an entry whose tag has no version").isNull();
      assertThat(cache.get("kept")).isEqualTo("v");
    }
  }
}
