package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisTlsFiles;
import org.junit.jupiter.api.Test;

/** TLS settings that cannot work, refused with one clear error each. */
class RedisTlsBadInputIT {

  @Test
  void tlsToAPlaintextPort_failsAsConnectionErrorWithAFix() {
    try (RedisServer plain = RedisServer.start()) {
      String url = "rediss://127.0.0.1:" + plain.port();
      StoreException e = catchThrowableOfType(StoreException.class,
          () -> RedisStores.backend(RedisStoreIT.settings(url), RedisStoreIT.serializer()));
      assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
      assertThat(e.getMessage()).contains("redis-it", url, "Fix: the server did not complete the TLS handshake", "use redis://");
    }
  }

  @Test
  void serverCertificateNotTrusted_failsAsConnectionErrorWithAFix() {
    RedisTlsFiles files = RedisTlsFiles.create();
    try (RedisServer server = RedisServer.startTls(files)) {
      StoreException e = catchThrowableOfType(StoreException.class,
          () -> RedisStores.backend(RedisStoreIT.settings(server.url()), RedisStoreIT.serializer()));
      assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
      assertThat(e.getMessage()).contains("Fix: the server's certificate is not trusted")
          .doesNotContain(RedisTlsFiles.PASSWORD);
    }
  }
}
