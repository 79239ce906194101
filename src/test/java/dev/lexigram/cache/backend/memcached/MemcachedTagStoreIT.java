package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.serial.Serializers;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.TagStore;
import dev.lexigram.cache.store.TagStoreContract;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServer;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import dev.lexigram.cache.testing.MemcachedServers;
import dev.lexigram.cache.testing.MemcachedSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tag contract on two memcached servers, "another process" being a second backend on them;
 * plus how a version is stored: 8 bytes big-endian in an item that never expires, named
 * {@code <prefix>::tag:<tag>} or, when memcached cannot hold that name, {@code #tag:<hash>}.
 */
@ExtendWith(MemcachedServerExtension.class)
@MemcachedServerExtension.Servers(count = 2)
class MemcachedTagStoreIT extends TagStoreContract {

  private static final int SPREAD = 60;

  private final Serializer serializer = Serializers.builder().build();
  private final MemcachedServers servers;
  private final BackendSettings settings;
  private final MemcachedBackend backend;
  private final MemcachedBackend anotherProcess;

  MemcachedTagStoreIT(MemcachedServers servers) {
    this.servers = servers;
    this.settings = MemcachedSettings.backend("tags-it", servers.addresses());
    this.backend = new MemcachedBackend(settings, serializer);
    this.anotherProcess = new MemcachedBackend(settings, serializer);
  }

  @AfterEach
  void closeBackends() {
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

  private String itemOf(String tag) {
    return prefix + "::tag:" + tag;
  }

  private String hashedItemOf(String tag) {
    return "#tag:" + ItemNames.hash(itemOf(tag));
  }

  private static byte[] bytes(long version) {
    return ByteBuffer.allocate(8).putLong(version).array();
  }

  @Test
  void version_isEightBytesBigEndianInAnItemThatNeverExpires() throws Exception {
    long created = tags.versionsCreating(List.of("stored")).get("stored");
    tags.invalidate(List.of("invalidated-first"));

    try (Raw raw = new Raw(servers.addresses())) {
      assertThat(raw.get(itemOf("stored"))).isEqualTo(bytes(created));
      raw.set(itemOf("stored"), "12345678".getBytes(StandardCharsets.US_ASCII));
    }
    for (String item : List.of(itemOf("stored"), itemOf("invalidated-first"))) {
      assertThat(metaDebug(item)).as(item).contains("exp=-1");
    }
    long written = ByteBuffer.wrap("12345678".getBytes(StandardCharsets.US_ASCII)).getLong();
    assertThat(tags.versions(List.of("stored"))).containsExactlyEntriesOf(Map.of("stored", written));
  }

  @Test
  void tagMemcachedCannotName_isStoredUnderTheHashOfItsFullName() throws Exception {
    String longTag = "y".repeat(300);
    String spaced = "new arrivals";
    Map<String, Long> created = tags.versionsCreating(List.of(longTag, spaced));

    try (Raw raw = new Raw(servers.addresses())) {
      assertThat(raw.get(hashedItemOf(longTag))).isEqualTo(bytes(created.get(longTag)));
      assertThat(raw.get(hashedItemOf(spaced))).isEqualTo(bytes(created.get(spaced)));
    }
    assertThat(tags(prefix + "-other").versions(List.of(longTag))).as("the hash covers the prefix").isEmpty();
  }

  @Test
  void itemThatIsNoVersion_readsAsMissing_versionsCreatingReplacesIt() throws Exception {
    try (Raw raw = new Raw(servers.addresses())) {
      raw.set(itemOf("foreign"), "not a version".getBytes(StandardCharsets.US_ASCII));
      raw.set(itemOf("zero"), new byte[8]);
    }
    List<String> both = List.of("foreign", "zero");
    assertThat(tags.versions(both)).isEmpty();

    Map<String, Long> created = tags.versionsCreating(both);

    assertThat(created).containsOnlyKeys(both).doesNotContainValue(0L);
    assertThat(tags.versions(both)).isEqualTo(created);
    try (Raw raw = new Raw(servers.addresses())) {
      assertThat(raw.get(itemOf("foreign"))).isEqualTo(bytes(created.get("foreign")));
    }
  }

  @Test
  void manyTags_spreadOverBothServers() throws Exception {
    List<String> many = IntStream.range(0, SPREAD).mapToObj(i -> "spread-" + i).toList();
    Map<String, Long> created = tags.versionsCreating(many);

    int total = 0;
    for (MemcachedServer server : servers.all()) {
      try (Raw raw = new Raw(List.of(server.address()))) {
        int onServer = raw.getBulk(many.stream().map(this::itemOf).toList()).size();
        assertThat(onServer).as("versions on %s", server).isPositive();
        total += onServer;
      }
    }
    assertThat(total).isEqualTo(SPREAD);
    assertThat(tagsOfAnotherProcess(prefix).versions(many)).isEqualTo(created);
  }

  @Test
  void clearOfACache_leavesTheTagVersionsUnderTheSamePrefix() {
    TagStore backendTags = backend.tags(null); // the default prefix, like the caches of this backend
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
    MemcachedBackend closed = new MemcachedBackend(settings, serializer);
    TagStore closedTags = closed.tags(prefix);
    closed.close();

    List<String> tag = List.of("t");
    assertThatThrownBy(() -> closedTags.versions(tag)).isInstanceOf(StoreException.class).hasMessageContaining("get");
    assertThatThrownBy(() -> closedTags.versionsCreating(tag)).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> closedTags.invalidate(tag)).isInstanceOf(StoreException.class)
        .hasMessageContaining("set");
  }

  /** Returns the first line of memcached's {@code me} (meta debug) answer about an item, from the server holding it. */
  private String metaDebug(String item) throws Exception {
    for (MemcachedServer server : servers.all()) {
      String answer = server.command("me " + item);
      if (answer.startsWith("ME ")) {
        return answer;
      }
    }
    throw new AssertionError("no server holds " + item);
  }

  /** A plain client on some of the test servers, for looking behind the backend's back. */
  private final class Raw implements AutoCloseable {

    private final MemcachedClient client;

    Raw(List<String> addresses) {
      BackendSettings raw = MemcachedSettings.backend("raw", addresses);
      this.client = ClientSetup.connect(raw, ClientSetup.addresses(raw), false);
    }

    byte[] get(String item) throws Exception {
      return client.asyncGet(item, BytesTranscoder.INSTANCE).get(2, TimeUnit.SECONDS);
    }

    Map<String, byte[]> getBulk(List<String> items) throws Exception {
      return client.asyncGetBulk(items, BytesTranscoder.INSTANCE).get(2, TimeUnit.SECONDS);
    }

    void set(String item, byte[] value) throws Exception {
      assertThat(client.set(item, 0, value, BytesTranscoder.INSTANCE).get(2, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() {
      client.shutdown();
    }
  }
}
