package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How keys and values are read into records: every key, both spellings, durations. */
class SettingsParsingTest {
  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void load_designExample_readsEveryKey() {
    LexigramSettings settings = fixture.load("""
        cache:
          backends:
            - name: local
              type: memory
              default: true
              max_size: 10000
              default_ttl: 300
            - name: shared
              type: redis
              url: redis://app:pw@localhost:6379/0
              key_prefix: myapp
              username: app
              password: pw
              timeout: 750ms
            - name: sessions
              type: memcached
              servers: [localhost:11211, localhost:11212]
          caches:
            products: { backend: shared, default_ttl: 300, statistics: true }
            sessions-view: { management: true, store_by_value: false, max_size: 50 }
          service:
            serializer: kryo
            enable_protection: false
            allowed_types: [com.acme.Product, com.acme.model.*, com.acme.dto.**]
            compression_threshold: 1024
          environment: testing
        """);

    assertThat(settings.backends()).containsExactly(
        new BackendSettings("local", BackendType.MEMORY, true, 10_000L, Duration.ofSeconds(300), null, null,
            List.of(), null, null, Duration.ofSeconds(2)),
        new BackendSettings("shared", BackendType.REDIS, false, null, null, "redis://app:pw@localhost:6379/0",
            "myapp", List.of(), "app", "pw", Duration.ofMillis(750)),
        new BackendSettings("sessions", BackendType.MEMCACHED, false, null, null, null, null,
            List.of("localhost:11211", "localhost:11212"), null, null, Duration.ofSeconds(2)));
    assertThat(settings.caches()).containsExactly(
        entry("products", new CacheSettings("products", "shared", Duration.ofSeconds(300), null, true, false, null)),
        entry("sessions-view", new CacheSettings("sessions-view", null, null, 50L, false, true, false)));
    assertThat(settings.service()).isEqualTo(new ServiceSettings(SerializerKind.KRYO, false,
        List.of("com.acme.Product", "com.acme.model.*", "com.acme.dto.**"), List.of(), 1024));
    assertThat(settings.environment()).isEqualTo(Environment.TESTING);
  }

  private static java.util.Map.Entry<String, CacheSettings> entry(String name, CacheSettings cache) {
    return java.util.Map.entry(name, cache);
  }

  @Test
  void load_kebabCaseKeys_areReadLikeSnakeCase() {
    LexigramSettings settings = fixture.load("""
        cache:
          backends:
            - { name: local, type: memory, max-size: 5, default-ttl: 10, key-prefix: app }
          caches:
            products: { default-ttl: 20, store-by-value: true }
          service:
            enable-protection: false
            allowed-types: [com.acme.*]
            compression-threshold: 64
        """);

    BackendSettings local = settings.defaultBackend();
    assertThat(local.maxSize()).isEqualTo(5L);
    assertThat(local.defaultTtl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(local.keyPrefix()).isEqualTo("app");
    assertThat(settings.caches().get("products").defaultTtl()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.caches().get("products").storeByValue()).isTrue();
    assertThat(settings.service().enableProtection()).isFalse();
    assertThat(settings.service().allowedTypes()).containsExactly("com.acme.*");
    assertThat(settings.service().compressionThreshold()).isEqualTo(64);
  }

  @Test
  void load_sameKeyInBothSpellings_failsNamingBoth() {
    var failure = fixture.failure("""
        cache:
          backends:
            - { name: local, type: memory, max_size: 5, max-size: 6 }
        """);

    assertThat(failure).hasMessageContaining(
        "cache.backends[0].max_size: set twice, as 'max_size' and as 'max-size'. Fix: keep one of them.");
  }

  @Test
  void load_enumValuesInAnyCase_areAccepted() {
    LexigramSettings settings = fixture.load("""
        cache:
          backends:
            - { name: local, type: MEMORY }
          service: { serializer: Java }
          environment: Staging
        """);

    assertThat(settings.defaultBackend().type()).isEqualTo(BackendType.MEMORY);
    assertThat(settings.service().serializer()).isEqualTo(SerializerKind.JAVA);
    assertThat(settings.environment()).isEqualTo(Environment.STAGING);
  }

  @Test
  void load_singleBackendWithoutDefault_isTheDefault() {
    LexigramSettings settings = fixture.load("""
        cache:
          backends:
            - { name: only, type: memory }
        """);

    assertThat(settings.defaultBackend().name()).isEqualTo("only");
    assertThat(settings.defaultBackend().isDefault()).isTrue();
  }

  @Test
  void load_absentOptionalKeys_takeDocumentedDefaults() {
    LexigramSettings settings = fixture.load("""
        cache:
          backends:
            - { name: local, type: memory }
          caches:
            products:
        """);

    assertThat(settings.defaultBackend().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.caches().get("products"))
        .isEqualTo(new CacheSettings("products", null, null, null, false, false, null));
    assertThat(settings.service()).isEqualTo(ServiceSettings.defaults());
    assertThat(settings.environment()).isEqualTo(Environment.DEVELOPMENT);
  }

  @Test
  void load_cachesInFile_keepFileOrder() {
    LexigramSettings settings = fixture.load("""
        cache:
          caches:
            zeta: {}
            alpha: {}
            mid: {}
        """);

    assertThat(settings.caches().keySet()).containsExactly("zeta", "alpha", "mid");
  }

  @ParameterizedTest(name = "default_ttl: {0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      300        | PT5M
      '"45"'     | PT45S
      500ms      | PT0.5S
      30s        | PT30S
      5m         | PT5M
      2h         | PT2H
      1d         | PT24H
      PT1S       | PT1S
      P1DT1H     | PT25H
      """)
  void load_durationForms_areParsed(String yaml, String expected) {
    LexigramSettings settings = fixture.load("""
        cache:
          backends:
            - name: local
              type: memory
              default_ttl: %s
        """.formatted(yaml));

    assertThat(settings.defaultBackend().defaultTtl()).isEqualTo(Duration.parse(expected));
  }

  @Test
  void load_nullDuration_meansNone() {
    LexigramSettings settings = fixture.load("""
        cache:
          backends:
            - { name: local, type: memory, default_ttl: null }
        """);

    assertThat(settings.defaultBackend().defaultTtl()).isNull();
  }

  @Test
  void load_invalidDuration_failsListingAcceptedForms() {
    var failure = fixture.failure("""
        cache:
          backends:
            - { name: local, type: memory, timeout: 5x }
        """);

    assertThat(failure).hasMessageContaining("cache.backends[0].timeout: expected a duration, got '5x'. Fix: write "
        + "whole seconds such as 300, or 500ms, 30s, 5m, 2h, 1d, or ISO-8601 such as PT30S");
  }

  @Test
  void load_yamlBooleanWords_areAccepted() {
    LexigramSettings settings = fixture.load("""
        cache:
          caches:
            products: { statistics: yes, management: "on" }
        """);

    assertThat(settings.caches().get("products").statistics()).isTrue();
    assertThat(settings.caches().get("products").management()).isTrue();
  }

  @Test
  void load_cacheTagsAndTagStaleness_areRead() {
    var settings = fixture.load("""
        cache:
          backends: [ { name: local, type: memory } ]
          caches: { products: { tags: [catalog, pricing] } }
          service: { tag_staleness: 0, protection: { beta: 2.5 } }
        """);

    assertThat(settings.caches().get("products").tags()).containsExactly("catalog", "pricing");
    assertThat(settings.service().tagStaleness()).isZero();
    assertThat(settings.service().protection().beta()).isEqualTo(2.5);
  }

  @Test
  void load_badTagsOrNegativeStalenessOrBeta_failNamingTheKey() {
    assertThat(fixture.failure("""
        cache:
          backends: [ { name: local, type: memory } ]
          caches: { products: { tags: ["  "] } }
        """)).hasMessageContaining("cache.caches.products.tags: a tag must not be blank");
    assertThat(fixture.failure("""
        cache:
          backends: [ { name: local, type: memory } ]
          service: { tag_staleness: -1s }
        """)).hasMessageContaining("cache.service.tag_staleness");
    assertThat(fixture.failure("""
        cache:
          backends: [ { name: local, type: memory } ]
          service: { protection: { beta: -1 } }
        """)).hasMessageContaining("cache.service.protection.beta: must be zero or positive");
  }
}
