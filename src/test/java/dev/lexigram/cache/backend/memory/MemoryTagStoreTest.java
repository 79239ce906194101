package dev.lexigram.cache.backend.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.TagStore;
import dev.lexigram.cache.store.TagStoreContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tag contract on the memory backend. Its versions live in one backend and ignore the key
 * prefix, and no other process shares them; so here a key prefix stands for a backend of its own
 * (in a configuration each backend has one prefix), and "another process" is the same backend.
 */
class MemoryTagStoreTest extends TagStoreContract {

  private final Map<String, StoreBackend> backends = new HashMap<>();

  @Override
  protected TagStore tags(String keyPrefix) {
    return backends.computeIfAbsent(keyPrefix, p -> MemoryStores.backend()).tags(keyPrefix);
  }

  @Override
  protected TagStore tagsOfAnotherProcess(String keyPrefix) {
    return tags(keyPrefix);
  }

  @Test
  void oneBackend_sameVersionsUnderEveryPrefix() {
    StoreBackend backend = MemoryStores.backend();
    Map<String, Long> created = backend.tags("a").versionsCreating(List.of("t"));

    assertThat(backend.tags("b").versions(List.of("t"))).isEqualTo(created);
    assertThat(MemoryStores.backend().tags("a").versions(List.of("t"))).as("another backend").isEmpty();
  }
}
