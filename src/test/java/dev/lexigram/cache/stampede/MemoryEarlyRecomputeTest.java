package dev.lexigram.cache.stampede;

import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.config.ProtectionSettings;

/** {@link EarlyRecomputeContract} on the memory backend. */
class MemoryEarlyRecomputeTest extends EarlyRecomputeContract {

  @Override
  LexigramSettings settings(ProtectionSettings protection) {
    return ReadThroughStampedeContract.withProtection(LexigramSettings.defaults(), true, protection);
  }
}
