package dev.lexigram.cache.ext;

import dev.lexigram.cache.testing.CacheFixture;
import java.time.Duration;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;

/** The extension contract on the memory backend, with time from a fake clock. */
class MemoryExtensionTest extends ExtensionContractTest {

  private final CacheFixture fixture = new CacheFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Override
  protected <K, V> Cache<K, V> createCache(String name, MutableConfiguration<K, V> configuration) {
    return fixture.cache(name, configuration);
  }

  @Override
  protected void advance(Duration duration) {
    fixture.clock().advance(duration);
  }
}
