package dev.lexigram.cache.semantic;

import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.FakeClock;

/** {@link SemanticCacheContract} on the embedded memory backend. */
class MemorySemanticCacheTest extends SemanticCacheContract {

  @Override
  protected LexigramSettings settings() {
    return LexigramSettings.defaults();
  }

  @Override
  protected FakeClock clock() {
    return new FakeClock();
  }
}
