package dev.lexigram.cache.lock;

import dev.lexigram.cache.testing.ConfigFiles;
import java.net.URI;

/** {@link LockContract} on the memory backend: locks held in this process. */
class MemoryLockTest extends LockContract {

  @Override
  URI config() {
    return ConfigFiles.writeTemporary("locks", "cache:\n  backends:\n    - name: shared\n      type: memory\n");
  }
}
