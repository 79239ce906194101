package dev.lexigram.cache.stampede;

import dev.lexigram.cache.config.LexigramSettings;

/** {@link ReadThroughStampedeContract} on the memory backend. */
class MemoryReadThroughStampedeTest extends ReadThroughStampedeContract {

  @Override
  LexigramSettings settings() {
    return LexigramSettings.defaults();
  }
}
