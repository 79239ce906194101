package dev.lexigram.cache.lock;

import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link LockAcrossProcesses} on a real redis-server. */
class RedisLockIT extends LockAcrossProcesses {

  private static RedisServer server;

  @BeforeAll
  static void startServer() {
    server = RedisServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  URI config() {
    return ConfigFiles.writeTemporary("locks", "cache:\n  backends:\n    - name: shared\n      type: redis\n      url: "
        + server.url() + "\n");
  }
}
