package dev.lexigram.cache.benchmarks;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor of any client over Lettuce: plain sync {@code GET}, {@code SET} and {@code MGET} of the
 * raw value bytes on one shared connection (lexigram's Redis backend also shares one connection
 * among all threads), no record format, no serializer. {@code getAll} turns {@code MGET}'s list
 * into a map of the present keys, as JCache's {@code getAll} returns.
 */
final class LettuceCandidate implements RemoteCandidate {

  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final RedisCommands<String, byte[]> commands;

  LettuceCandidate(String url) {
    client = RedisClient.create(RedisURI.create(url));
    try {
      connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw e;
    }
    commands = connection.sync();
  }

  @Override
  public byte[] get(String key) {
    return commands.get(key);
  }

  @Override
  public void put(String key, byte[] value) {
    commands.set(key, value);
  }

  @Override
  public Map<String, byte[]> getAll(KeyGroup group) {
    List<KeyValue<String, byte[]>> found = commands.mget(group.array());
    Map<String, byte[]> result = new HashMap<>(found.size() * 2);
    for (KeyValue<String, byte[]> value : found) {
      if (value.hasValue()) {
        result.put(value.getKey(), value.getValue());
      }
    }
    return result;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
