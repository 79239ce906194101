package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheException;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration and values a Redis backend must refuse with one clear error each. */
class RedisBadInputIT {

  @Test
  void wrongPassword_failsWithMaskedUrlAndAFix() {
    try (RedisServer server = RedisServer.start(List.of("--requirepass", "right-secret"))) {
      String url = "redis://:wrong-secret@127.0.0.1:" + server.port();
      StoreException e = catchThrowableOfType(StoreException.class,
          () -> RedisStores.backend(RedisStoreIT.settings(url), RedisStoreIT.serializer()));
      assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
      assertThat(e.getMessage())
          .contains("redis-it", "redis://:***@127.0.0.1:" + server.port(), "WRONGPASS", "Fix: check the user name and password")
          .doesNotContain("wrong-secret");
    }
  }

  @Test
  void wrongPassword_throughTheManager_isOneCacheException() {
    try (RedisServer server = RedisServer.start(List.of("--requirepass", "right-secret"));
        CacheFixture fixture = new CacheFixture(
            RedisExtensionIT.settings("redis://:wrong-secret@127.0.0.1:" + server.port(), "bad"), FakeClock.startingNow())) {
      CacheException e = catchThrowableOfType(CacheException.class,
          () -> fixture.cache("c", new MutableConfiguration<String, String>()));
      assertThat(e.getMessage()).contains("WRONGPASS").doesNotContain("wrong-secret");
    }
  }

  @Test
  void nothingListening_failsAsConnectionError() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    StoreException e = catchThrowableOfType(StoreException.class,
        () -> RedisStores.backend(RedisStoreIT.settings("redis://127.0.0.1:" + port), RedisStoreIT.serializer()));
    assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
    assertThat(e.getMessage()).contains("redis-it", "127.0.0.1:" + port);
  }

  @Test
  void unknownHost_failsAsConnectionError_namingTheHostAndAFix(@TempDir Path dir) throws Exception {
    // the host is looked up in another JVM whose name service knows only loopback names, so the
    // lookup fails on this machine and no DNS query is sent anywhere
    Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-Djdk.net.hosts.file=" + hosts,
        "-cp", System.getProperty("java.class.path"), UnknownHostProcess.class.getName(),
        "redis://:secret-password@no-such-host.invalid:6379")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    System.out.println("[unknown host] " + output.strip());
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("CONNECTION Redis backend 'redis-it' at redis://:***@no-such-host.invalid:6379",
        "Unable to connect to no-such-host.invalid", "Fix: the url's host name does not resolve").doesNotContain("secret-password");
  }

  @Test
  void valueLargerThanProtoMaxBulkLen_isCapacityAndWritesNothing() {
    try (RedisServer server = RedisServer.start(List.of("--proto-max-bulk-len", "1mb"));
        StoreBackend backend = RedisStores.backend(RedisStoreIT.settings(server.url()), RedisStoreIT.serializer())) {
      Store store = backend.open(new StoreContext("big", FakeClock.startingNow(), StoreEvictionListener.ignoring(), true, null));
      byte[] big = new byte[2 * 1024 * 1024];
      StoreException e = catchThrowableOfType(StoreException.class, () -> store.put("big", big, StoreEntry.ETERNAL));
      assertThat(e.kind()).isEqualTo(Kind.CAPACITY);
      assertThat(e.getMessage()).contains("key 'big'", "proto-max-bulk-len");
      assertThat(store.get("big")).isNull();
    }
  }
}
