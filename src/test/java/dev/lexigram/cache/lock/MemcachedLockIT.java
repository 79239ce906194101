package dev.lexigram.cache.lock;

import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.MemcachedServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link LockAcrossProcesses} on a real memcached. */
class MemcachedLockIT extends LockAcrossProcesses {

  private static MemcachedServer server;

  @BeforeAll
  static void startServer() {
    server = MemcachedServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @Override
  URI config() {
    return ConfigFiles.writeTemporary("locks", "cache:\n  backends:\n    - name: shared\n      type: memcached\n"
        + "      servers: [\"" + server.address() + "\"]\n");
  }
}
