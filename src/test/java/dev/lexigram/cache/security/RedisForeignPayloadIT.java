package dev.lexigram.cache.security;

import dev.lexigram.cache.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link ForeignPayloadContract} on a real redis-server, planting bytes with a raw Lettuce connection. */
class RedisForeignPayloadIT extends ForeignPayloadContract {

  private static RedisServer server;
  private static RedisClient client;
  private static StatefulRedisConnection<byte[], byte[]> raw;

  @BeforeAll
  static void start() {
    server = RedisServer.start();
    client = RedisClient.create("redis://127.0.0.1:" + server.port());
    raw = client.connect(ByteArrayCodec.INSTANCE);
  }

  @AfterAll
  static void stop() {
    raw.close();
    client.shutdown();
    server.close();
  }

  @Override
  String backendYaml() {
    return "    - name: shared\n      type: redis\n      url: redis://127.0.0.1:" + server.port() + "\n";
  }

  @Override
  byte[] rawGet(String name) {
    return raw.sync().get(name.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  void rawSet(String name, byte[] value) {
    raw.sync().set(name.getBytes(StandardCharsets.UTF_8), value);
  }

  @Override
  void flush() {
    raw.sync().flushall();
  }
}
