package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.TagStore;
import dev.lexigram.cache.store.TagStoreContract;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tag contract on a plain redis-server, "another process" being a second backend on it; plus
 * how a version is stored: 8 bytes big-endian under {@code <prefix>::tag:<tag>}, never expiring.
 */
@ExtendWith(RedisServerExtension.class)
class RedisTagStoreIT extends TagStoreContract {

  private static RedisServer server;
  private static StoreBackend backend;
  private static StoreBackend anotherProcess;

  @BeforeAll
  static void connect(RedisServer redis) {
    server = redis;
    backend = RedisStores.backend(RedisStoreIT.settings(redis.url()), RedisStoreIT.serializer());
    anotherProcess = RedisStores.backend(RedisStoreIT.settings(redis.url()), RedisStoreIT.serializer());
  }

  @AfterAll
  static void disconnect() {
    try {
      backend.close();
    } finally {
      anotherProcess.close();
    }
  }

  @Override
  protected TagStore tags(String keyPrefix) {
    return backend.tags(keyPrefix);
  }

  @Override
  protected TagStore tagsOfAnotherProcess(String keyPrefix) {
    return anotherProcess.tags(keyPrefix);
  }

  private String nameOf(String tag) {
    return prefix + "::tag:" + tag;
  }

  @Test
  void version_isEightBytesBigEndianUnderThePrefixedName_withoutExpiry() {
    long created = tags.versionsCreating(List.of("stored")).get("stored");
    assertThat(rawValue(nameOf("stored"))).isEqualTo(ByteBuffer.allocate(8).putLong(created).array());

    tags.invalidate(List.of("stored", "invalidated-first"));

    long invalidated = tags.versions(List.of("stored")).get("stored");
    assertThat(rawValue(nameOf("stored"))).isEqualTo(ByteBuffer.allocate(8).putLong(invalidated).array());
    try (RawRedis raw = RawRedis.connect(server)) {
      assertThat(raw.pttl(nameOf("stored"))).as("no expiry").isEqualTo(-1);
      assertThat(raw.pttl(nameOf("invalidated-first"))).as("no expiry").isEqualTo(-1);
      raw.set(nameOf("stored"), "12345678");
    }
    long written = ByteBuffer.wrap("12345678".getBytes(StandardCharsets.US_ASCII)).getLong();
    assertThat(tags.versions(List.of("stored"))).containsExactlyEntriesOf(Map.of("stored", written));
  }

  @Test
  void valueThatIsNoVersion_readsAsMissing_versionsCreatingReplacesIt() {
    try (RawRedis raw = RawRedis.connect(server)) {
      raw.set(nameOf("foreign"), "not a version");
      raw.set(nameOf("zero"), "\0\0\0\0\0\0\0\0");
    }
    List<String> both = List.of("foreign", "zero");
    assertThat(tags.versions(both)).isEmpty();

    Map<String, Long> created = tags.versionsCreating(both);

    assertThat(created).containsOnlyKeys(both).doesNotContainValue(0L);
    assertThat(tags.versions(both)).isEqualTo(created);
    assertThat(rawValue(nameOf("foreign"))).hasSize(8);
  }

  @Test
  void clearOfACache_leavesTheTagVersionsUnderTheSamePrefix() {
    TagStore backendTags = backend.tags("it"); // the prefix of RedisStoreIT.settings, and so of its caches
    String tag = "kept-" + prefix;
    Map<String, Long> created = backendTags.versionsCreating(List.of(tag));
    Store store = backend.open(new StoreContext("tagged", FakeClock.startingNow(), StoreEvictionListener.ignoring(),
        true, null));
    try {
      store.put("k", "v", StoreEntry.ETERNAL);
      store.clear();
      assertThat(store.get("k")).isNull();
    } finally {
      store.close();
    }
    assertThat(backendTags.versions(List.of(tag))).isEqualTo(created);
  }

  @Test
  void closedBackend_everyOperationFailsWithAStoreException() {
    StoreBackend closed = RedisStores.backend(RedisStoreIT.settings(server.url()), RedisStoreIT.serializer());
    TagStore closedTags = closed.tags(prefix);
    closed.close();

    List<String> tag = List.of("t");
    assertThatThrownBy(() -> closedTags.versions(tag)).isInstanceOf(StoreException.class).hasMessageContaining("MGET");
    assertThatThrownBy(() -> closedTags.versionsCreating(tag)).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> closedTags.invalidate(tag)).isInstanceOf(StoreException.class)
        .hasMessageContaining("SET");
  }

  /** Returns the bytes stored under a name, read past the backend. */
  private static byte[] rawValue(String name) {
    RedisClient client = RedisClient.create(server.url());
    try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
      return connection.sync().get(name.getBytes(StandardCharsets.UTF_8));
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
