package dev.lexigram.cache.stampede;

import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServer;
import dev.lexigram.cache.testing.MemcachedSettings;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link ReadThroughStampedeContract} on a real memcached (one process: the in-process single flight). */
class MemcachedReadThroughStampedeIT extends ReadThroughStampedeContract {

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
  LexigramSettings settings() {
    return MemcachedSettings.withDefaultBackend(List.of(server.address()));
  }

  @Override
  FakeClock clock() {
    return FakeClock.startingNow();
  }
}
