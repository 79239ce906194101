package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;

/** A plain Lettuce client on a test server, for looking behind the store's back. */
final class RawRedis implements AutoCloseable {

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  private RawRedis(RedisClient client) {
    this.client = client;
    this.connection = client.connect();
  }

  static RawRedis connect(RedisServer server) {
    return new RawRedis(RedisClient.create(server.url()));
  }

  RedisCommands<String, String> commands() {
    return connection.sync();
  }

  long pttl(String name) {
    return commands().pttl(name);
  }

  void set(String name, String value) {
    commands().set(name, value);
  }

  void scriptFlush() {
    commands().scriptFlush();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
