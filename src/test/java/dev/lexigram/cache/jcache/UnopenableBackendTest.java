package dev.lexigram.cache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.LexigramConfiguration;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.config.ConfigLoader;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.CacheFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import javax.cache.CacheException;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A framework asks for a cache (Spring's {@code createCache} for each listed name, Hibernate's
 * regions, the annotation RI's {@code getCache}) whose backend cannot be opened: the error names
 * the cache, why it is on that backend, and the configuration keys that fix it.
 */
class UnopenableBackendTest {

  @TempDir
  Path dir;

  /** A loopback port nobody listens on: the connection is refused at once. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private LexigramSettings settings(String yaml) throws IOException {
    Path file = dir.resolve("lexigram-cache.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file.toUri(), getClass().getClassLoader(), Map.of(), new Properties());
  }

  private String yaml(int port) {
    return """
        cache:
          backends:
            - name: local
              type: memory
            - name: shared
              type: redis
              default: true
              url: redis://127.0.0.1:%d/0
              timeout: 500ms
          caches:
            products: { backend: shared }
            orders: { default_ttl: 60 }
        """.formatted(port);
  }

  @Test
  void createCache_undeclaredNameOnUnreachableDefault_namesTheDefaultBackendKeyAndTheCachesKey() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings(yaml(closedPort())))) {
      assertThatThrownBy(() -> fixture.manager().createCache("books", new MutableConfiguration<>()))
          .isInstanceOf(CacheException.class)
          .hasMessageContaining("Cannot create cache 'books'")
          .hasMessageContaining("not declared under cache.caches, so it lives on the default backend")
          .hasMessageContaining("cache.backends[1] (name: shared)")
          .hasMessageContaining("cache.caches.books.backend")
          .hasMessageContaining("[local, shared]")
          .hasMessageContaining("lexigram-cache.yaml");
    }
  }

  @Test
  void health_reportsABackendThatCannotBeOpened_besideTheOthers_withoutThrowing() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings(yaml(closedPort())))) {
      Map<String, Result<Duration>> health = fixture.manager().unwrap(LexigramCacheManager.class).health();

      assertThat(health).containsOnlyKeys("local", "shared");
      assertThat(health.keySet()).containsExactly("local", "shared");
      assertThat(health.get("local").isOk()).isTrue();
      assertThat(health.get("shared").isOk()).isFalse();
      assertThat(health.get("shared").error().message()).contains("shared");
    }
  }

  @Test
  void getCache_declaredCacheOnUnreachableBackend_namesTheKeyThatPlacedIt() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings(yaml(closedPort())))) {
      assertThatThrownBy(() -> fixture.manager().getCache("products"))
          .isInstanceOf(CacheException.class)
          .hasMessageContaining("Cannot create cache 'products'")
          .hasMessageContaining("(cache.caches.products.backend)")
          .hasMessageContaining("cache.backends[1] (name: shared)");
      assertThatThrownBy(() -> fixture.manager().getCache("orders"))
          .hasMessageContaining("cache.caches.orders names no backend, so it lives on the default backend");
    }
  }

  @Test
  void createCache_failedName_canBeCreatedOnAnotherBackendAfterwards() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings(yaml(closedPort())))) {
      assertThatThrownBy(() -> fixture.manager().createCache("books", new MutableConfiguration<>()))
          .isInstanceOf(CacheException.class);
      var onLocal = new LexigramConfiguration<String, String>().setBackend("local");
      fixture.manager().createCache("books", onLocal).put("k", "v");
      assertThat(fixture.manager().getCache("books").get("k")).isEqualTo("v");
    }
  }
}
