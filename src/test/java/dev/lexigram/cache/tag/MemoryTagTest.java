package dev.lexigram.cache.tag;

import dev.lexigram.cache.config.LexigramSettings;

/** {@link TagContract} on the memory backend. */
class MemoryTagTest extends TagContract {

  @Override
  protected LexigramSettings settings() {
    return LexigramSettings.defaults();
  }
}
