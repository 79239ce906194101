package dev.lexigram.cache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.LexigramConfiguration;
import dev.lexigram.cache.config.ConfigLoader;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.CacheFixture;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backends and {@code caches:} entries of the YAML are caches; run-time caches land where mapped. */
class DeclaredCachesTest {

  private static final String YAML = """
      cache:
        backends:
          - name: local
            type: memory
            default: true
          - name: small
            type: memory
            max_size: 5
        caches:
          products: { backend: small, default_ttl: 60, statistics: true }
      """;

  @TempDir
  Path dir;

  private LexigramSettings settings() throws IOException {
    Path file = dir.resolve("lexigram-cache.yaml");
    Files.writeString(file, YAML);
    return ConfigLoader.load(file.toUri(), getClass().getClassLoader(), Map.of(), new Properties());
  }

  @Test
  void getCache_backendName_isACacheOfThatName() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings())) {
      Cache<String, String> local = fixture.manager().getCache("local");
      local.put("k", "v");
      assertThat(local.get("k")).isEqualTo("v");
      assertThat(fixture.manager().getCacheNames()).containsExactly("local");
    }
  }

  @Test
  void getCache_declaredCache_usesItsBackendAndSettings() throws Exception {
    try (CacheFixture fixture = new CacheFixture(settings())) {
      Cache<String, String> products = fixture.manager().getCache("products");
      @SuppressWarnings("unchecked")
      LexigramConfiguration<String, String> configuration = products.getConfiguration(LexigramConfiguration.class);
      assertThat(configuration.getBackend()).isEqualTo("small");
      assertThat(configuration.isStatisticsEnabled()).isTrue();
      ObjectName statistics = new ObjectName("javax.cache:type=CacheStatistics,CacheManager="
          + fixture.manager().getURI().toString().replace(':', '.') + ",Cache=products");
      assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(statistics)).isTrue();

      products.put("p", "v");
      fixture.clock().advance(Duration.ofSeconds(59));
      assertThat(products.get("p")).isEqualTo("v");
      fixture.clock().advance(Duration.ofSeconds(1));
      assertThat(products.get("p")).isNull();
    }
  }

  @Test
  void maxSize_evictionsAreCountedInStatistics() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings())) {
      Cache<Integer, Integer> cache = fixture.manager().createCache("bounded",
          new LexigramConfiguration<Integer, Integer>().setBackend("small").setStatisticsEnabled(true));
      for (int i = 0; i < 50; i++) {
        cache.put(i, i);
      }
      int left = 0;
      for (Cache.Entry<Integer, Integer> ignored : cache) {
        left++;
      }
      assertThat(left).isLessThanOrEqualTo(5);
      assertThat(cache.unwrap(CacheProxy.class).statistics().getCacheEvictions()).isEqualTo(50 - left);
    }
  }

  @Test
  void getCache_undeclaredName_isNull() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings())) {
      assertThat(fixture.manager().getCache("nothing")).isNull();
    }
  }

  @Test
  void createCache_declaredButNotOpenedName_opensItWithTheGivenConfiguration() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings())) {
      Cache<String, Long> products = fixture.manager().createCache("products",
          new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));
      @SuppressWarnings("unchecked")
      LexigramConfiguration<String, Long> configuration = products.getConfiguration(LexigramConfiguration.class);
      assertThat(configuration.getBackend()).isEqualTo("small");
      assertThat(configuration.getKeyType()).isEqualTo(String.class);
    }
  }

  @Test
  void createCache_undeclaredName_livesOnTheDefaultBackend() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings())) {
      Cache<String, String> cache = fixture.manager().createCache("runtime", new MutableConfiguration<>());
      assertThat(cache.getConfiguration(LexigramConfiguration.class).getBackend()).isEqualTo("local");
    }
  }

  @Test
  void createCache_lexigramConfigurationNamingBackend_livesThere() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings())) {
      Cache<String, String> cache = fixture.manager().createCache("runtime",
          new LexigramConfiguration<String, String>().setBackend("small"));
      assertThat(cache.getConfiguration(CompleteConfiguration.class)).isInstanceOf(LexigramConfiguration.class);
      assertThat(cache.getConfiguration(LexigramConfiguration.class).getBackend()).isEqualTo("small");
    }
  }

  @Test
  void createCache_unknownBackend_saysWhichBackendsExist() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings())) {
      assertThatThrownBy(() -> fixture.manager().createCache("runtime",
          new LexigramConfiguration<String, String>().setBackend("shared")))
          .isInstanceOf(CacheException.class)
          .hasMessageContaining("'shared'")
          .hasMessageContaining("cache.backends")
          .hasMessageContaining("local");
    }
  }

  @Test
  void unwrap_manager_givesTheExtensionView() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings())) {
      LexigramCacheManager manager = fixture.manager().unwrap(LexigramCacheManager.class);
      assertThat(manager.declaredCacheNames()).containsExactly("local", "small", "products");
      assertThat(manager.configurationSource()).startsWith("file:").endsWith("lexigram-cache.yaml");
    }
  }
}
