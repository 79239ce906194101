package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code LEX_CACHE__…} environment overrides. */
class EnvOverlayTest {
  private static final String TWO_BACKENDS = """
      cache:
        backends:
          - name: local
            type: memory
            default: true
            max-size: 100
          - name: shared
            type: redis
            url: redis://localhost:6379/0
        caches:
          products: { backend: shared, default_ttl: 300 }
      """;

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void load_backendKeyByIndex_setsThatBackendsKey() {
    fixture.env("LEX_CACHE__BACKENDS__1__URL", "redis://cache.internal:6380/2");

    LexigramSettings settings = fixture.load(TWO_BACKENDS);

    assertThat(settings.backend("shared").orElseThrow().url()).isEqualTo("redis://cache.internal:6380/2");
  }

  @Test
  void load_serializerOverride_setsSerializer() {
    fixture.env("LEX_CACHE__SERVICE__SERIALIZER", "kryo");

    assertThat(fixture.load(TWO_BACKENDS).service().serializer()).isEqualTo(SerializerKind.KRYO);
  }

  @Test
  void load_overrideOfDeclaredCache_changesIt() {
    fixture.env("LEX_CACHE__CACHES__PRODUCTS__DEFAULT_TTL", "60");

    CacheSettings products = fixture.load(TWO_BACKENDS).caches().get("products");

    assertThat(products.defaultTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(products.backend()).isEqualTo("shared");
  }

  @Test
  void load_overrideOfUndeclaredCache_declaresIt() {
    fixture.env("LEX_CACHE__CACHES__ORDERS__DEFAULT_TTL", "5m");

    LexigramSettings settings = fixture.load(TWO_BACKENDS);

    assertThat(settings.caches()).containsKeys("products", "orders");
    assertThat(settings.caches().get("orders").defaultTtl()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void load_environmentOverride_setsEnvironment() {
    fixture.env("LEX_CACHE__ENVIRONMENT", "staging");

    assertThat(fixture.load(TWO_BACKENDS).environment()).isEqualTo(Environment.STAGING);
  }

  @Test
  void load_nullOverride_clearsValue() {
    fixture.env("LEX_CACHE__BACKENDS__0__MAX_SIZE", "null");

    assertThat(fixture.load(TWO_BACKENDS).backend("local").orElseThrow().maxSize()).isNull();
  }

  @Test
  void load_numberAndBooleanOverrides_areParsed() {
    fixture.env("LEX_CACHE__BACKENDS__0__MAX_SIZE", "500")
        .env("LEX_CACHE__CACHES__PRODUCTS__STATISTICS", "true")
        .env("LEX_CACHE__SERVICE__ENABLE_PROTECTION", "false");

    LexigramSettings settings = fixture.load(TWO_BACKENDS);

    assertThat(settings.backend("local").orElseThrow().maxSize()).isEqualTo(500L);
    assertThat(settings.caches().get("products").statistics()).isTrue();
    assertThat(settings.service().enableProtection()).isFalse();
  }

  @Test
  void load_overrideOfKebabCaseKey_replacesItInsteadOfAddingSecondSpelling() {
    fixture.env("LEX_CACHE__BACKENDS__0__MAX_SIZE", "7");

    assertThat(fixture.load(TWO_BACKENDS).backend("local").orElseThrow().maxSize()).isEqualTo(7L);
  }

  @Test
  void load_overrideOneIndexPastEnd_appendsEntry() {
    fixture.env("LEX_CACHE__BACKENDS__2__NAME", "sessions")
        .env("LEX_CACHE__BACKENDS__2__TYPE", "memcached")
        .env("LEX_CACHE__BACKENDS__2__SERVERS__0", "mc1:11211")
        .env("LEX_CACHE__BACKENDS__2__SERVERS__1", "mc2:11211");

    BackendSettings sessions = fixture.load(TWO_BACKENDS).backend("sessions").orElseThrow();

    assertThat(sessions.type()).isEqualTo(BackendType.MEMCACHED);
    assertThat(sessions.servers()).containsExactly("mc1:11211", "mc2:11211");
  }

  @Test
  void load_overridesOfIndexesAboveNine_areAppliedInNumericOrder() {
    for (int i = 2; i <= 11; i++) {
      fixture.env("LEX_CACHE__BACKENDS__" + i + "__NAME", "extra" + i)
          .env("LEX_CACHE__BACKENDS__" + i + "__TYPE", "memory");
    }

    LexigramSettings settings = fixture.load(TWO_BACKENDS);

    assertThat(settings.backends()).hasSize(12);
    assertThat(settings.backends().get(11).name()).isEqualTo("extra11");
  }

  @Test
  void load_overrideTwoPastEnd_failsNamingVariable() {
    fixture.env("LEX_CACHE__BACKENDS__3__NAME", "far");

    var failure = fixture.failure(TWO_BACKENDS);

    assertThat(failure.source()).startsWith("environment variable LEX_CACHE__BACKENDS__3__NAME");
    assertThat(failure.key()).isEqualTo("cache.backends[3]");
    assertThat(failure).hasMessageContaining("index 3 is past the end of cache.backends, which has 2 entries")
        .hasMessageContaining("Fix: use index 2 to add an entry");
  }

  @Test
  void load_overrideOfUnknownKey_failsNamingVariableAndNearestKey() {
    fixture.env("LEX_CACHE__BACKENDS__0__MAX_SIZ", "5");

    var failure = fixture.failure(TWO_BACKENDS);

    assertThat(failure.source()).startsWith("environment variable LEX_CACHE__BACKENDS__0__MAX_SIZ (overriding file:");
    assertThat(failure).hasMessageContaining("cache.backends[0].max_siz: unknown key 'max_siz'; did you mean 'max_size'?");
  }

  @Test
  void load_invalidOverrideValue_namesVariableAsSource() {
    fixture.env("LEX_CACHE__BACKENDS__0__MAX_SIZE", "-1");

    var failure = fixture.failure(TWO_BACKENDS);

    assertThat(failure.source()).startsWith("environment variable LEX_CACHE__BACKENDS__0__MAX_SIZE");
    assertThat(failure.key()).isEqualTo("cache.backends[0].max_size");
  }

  @Test
  void load_overrideBelowSingleValue_fails() {
    fixture.env("LEX_CACHE__SERVICE__SERIALIZER__NAME", "kryo");
    fixture.env("LEX_CACHE__SERVICE__SERIALIZER", "json");

    var failure = fixture.failure(TWO_BACKENDS);

    assertThat(failure.key()).isEqualTo("cache.service.serializer");
    assertThat(failure).hasMessageContaining("holds a single value");
  }

  @Test
  void load_overrideWithoutFile_appliesToBuiltInDefault() {
    fixture.env("LEX_CACHE__BACKENDS__0__MAX_SIZE", "100");

    LexigramSettings settings = fixture.load((URI) null);

    assertThat(settings.source()).isEqualTo("built-in default");
    assertThat(settings.defaultBackend().maxSize()).isEqualTo(100L);
  }

  @Test
  void load_configLocationVariable_isNotAnOverride() {
    Path file = fixture.write("e.yaml", TWO_BACKENDS);
    fixture.env("LEX_CACHE_CONFIG", file.toString()).env("LEX_CACHE_OTHER", "ignored");

    LexigramSettings settings = fixture.load((URI) null);

    assertThat(settings.backends()).extracting(BackendSettings::name).containsExactly("local", "shared");
  }
}
