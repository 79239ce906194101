package dev.lexigram.cache.lock;

import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LockAcrossProcesses} on a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisLockIT extends LockAcrossProcesses {

  private final RedisServer server;

  RedisLockIT(RedisServer server) {
    this.server = server;
  }

  @Override
  URI config() {
    return ConfigFiles.writeTemporary("locks", "cache:\n  backends:\n    - name: shared\n      type: redis\n      url: "
        + server.url() + "\n");
  }
}
