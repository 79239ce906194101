package dev.lexigram.cache.stampede;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link ReadThroughStampedeContract} on a real redis-server (one process: the in-process single flight). */
class RedisReadThroughStampedeIT extends ReadThroughStampedeContract {

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
  LexigramSettings settings() {
    LexigramSettings defaults = LexigramSettings.defaults();
    BackendSettings redis = new BackendSettings("redis", BackendType.REDIS, true, null, null, server.url(),
        "stampede", List.of(), null, null, Duration.ofSeconds(2));
    return new LexigramSettings("RedisReadThroughStampedeIT", List.of(redis), defaults.caches(), defaults.service(),
        defaults.environment());
  }

  @Override
  FakeClock clock() {
    return FakeClock.startingNow();
  }
}
