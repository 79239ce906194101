package dev.lexigram.cache.lock;

import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.MemcachedServer;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LockAcrossProcesses} on a real memcached. */
@ExtendWith(MemcachedServerExtension.class)
class MemcachedLockIT extends LockAcrossProcesses {

  private final MemcachedServer server;

  MemcachedLockIT(MemcachedServer server) {
    this.server = server;
  }

  @Override
  URI config() {
    return ConfigFiles.writeTemporary("locks", "cache:\n  backends:\n    - name: shared\n      type: memcached\n"
        + "      servers: [\"" + server.address() + "\"]\n");
  }
}
