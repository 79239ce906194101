package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${VAR}}, {@code ${VAR:default}} and {@code ${VAR:-default}} in string values. */
class PlaceholdersTest {
  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  /** A Redis backend whose url is {@code url}. */
  private LexigramSettings redisWithUrl(String url) {
    return fixture.load("""
        cache:
          backends:
            - name: shared
              type: redis
              url: %s
        """.formatted(url));
  }

  private String prefix(String keyPrefix) {
    return fixture.load("""
        cache:
          backends:
            - name: local
              type: memory
              key_prefix: "%s"
        """.formatted(keyPrefix)).defaultBackend().keyPrefix();
  }

  @Test
  void load_placeholder_resolvesFromEnvironment() {
    fixture.env("REDIS_URL", "redis://cache.internal:6379/1");

    assertThat(redisWithUrl("${REDIS_URL}").defaultBackend().url()).isEqualTo("redis://cache.internal:6379/1");
  }

  @Test
  void load_placeholderWithColonDefault_usesDefaultWhenUnset() {
    assertThat(redisWithUrl("${REDIS_URL:redis://localhost:6379/0}").defaultBackend().url())
        .isEqualTo("redis://localhost:6379/0");
  }

  @Test
  void load_placeholderWithColonDashDefault_usesDefaultWhenUnset() {
    assertThat(redisWithUrl("${REDIS_URL:-redis://localhost:6379/3}").defaultBackend().url())
        .isEqualTo("redis://localhost:6379/3");
  }

  @Test
  void load_placeholderWithDefault_prefersSetVariable() {
    fixture.env("REDIS_URL", "redis://set:6379/0");

    assertThat(redisWithUrl("${REDIS_URL:-redis://localhost:6379/3}").defaultBackend().url())
        .isEqualTo("redis://set:6379/0");
  }

  @Test
  void load_placeholderOfEmptyVariable_usesDefault() {
    fixture.env("APP", "");

    assertThat(prefix("${APP:fallback}")).isEqualTo("fallback");
  }

  @Test
  void load_placeholderMissingFromEnvironment_usesSystemProperty() {
    fixture.property("app.name", "fromProperty");

    assertThat(prefix("${app.name}")).isEqualTo("fromProperty");
  }

  @Test
  void load_placeholderInEnvironmentAndSystemProperties_prefersEnvironment() {
    fixture.env("APP", "fromEnv").property("APP", "fromProperty");

    assertThat(prefix("${APP}")).isEqualTo("fromEnv");
  }

  @Test
  void load_unresolvedPlaceholder_failsNamingKeyAndVariable() {
    var failure = fixture.failure("""
        cache:
          backends:
            - name: shared
              type: redis
              url: ${REDIS_URL}
        """);

    assertThat(failure.key()).isEqualTo("cache.backends[0].url");
    assertThat(failure).hasMessageContaining(
        "cache.backends[0].url: ${REDIS_URL} is not set as an environment variable or system property, "
            + "and has no default. Fix: set REDIS_URL, or give a default: ${REDIS_URL:value}.");
  }

  @Test
  void load_placeholdersInsideText_areReplacedInPlace() {
    fixture.env("HOST", "cache.internal").property("PORT", "6390");

    assertThat(redisWithUrl("redis://${HOST}:${PORT:6379}/0").defaultBackend().url())
        .isEqualTo("redis://cache.internal:6390/0");
  }

  @Test
  void load_wholeValuePlaceholder_isReadAsNumber() {
    LexigramSettings settings = fixture.load("""
        cache:
          backends:
            - { name: local, type: memory, max_size: "${MAX_SIZE:250}", default: "${IS_DEFAULT:true}" }
        """);

    assertThat(settings.defaultBackend().maxSize()).isEqualTo(250L);
  }

  @Test
  void load_placeholderWithEmptyDefault_meansNull() {
    LexigramSettings settings = fixture.load("""
        cache:
          backends:
            - name: local
              type: memory
              max_size: ${MAX_SIZE:}
              key_prefix: ${PREFIX:-}
        """);

    assertThat(settings.defaultBackend().maxSize()).isNull();
    assertThat(settings.defaultBackend().keyPrefix()).isNull();
  }

  @Test
  void load_placeholderInDefault_isResolved() {
    fixture.env("FALLBACK", "inner");

    assertThat(prefix("${OUTER:${FALLBACK:x}}")).isEqualTo("inner");
  }

  @Test
  void load_doubledDollar_writesLiteralPlaceholder() {
    assertThat(prefix("$${APP}-x")).isEqualTo("${APP}-x");
  }

  @Test
  void load_resolvedValue_isNotScannedAgain() {
    fixture.env("APP", "${SECRET}");

    assertThat(prefix("${APP}")).isEqualTo("${SECRET}");
  }

  @Test
  void load_unterminatedPlaceholder_failsNamingKey() {
    var failure = fixture.failure("""
        cache:
          backends:
            - { name: local, type: memory, key_prefix: "${APP" }
        """);

    assertThat(failure.key()).isEqualTo("cache.backends[0].key_prefix");
    assertThat(failure).hasMessageContaining("unterminated placeholder");
  }

  @Test
  void load_placeholderInList_isResolved() {
    String key = "k".repeat(40);
    fixture.env("SIGNING_KEY", key);

    LexigramSettings settings = fixture.load("""
        cache:
          service:
            signing_keys: [ "${SIGNING_KEY}" ]
        """);

    assertThat(settings.service().signingKeys()).containsExactly(key);
  }

  @Test
  void load_placeholderInEnvironmentOverride_isResolved() {
    fixture.env("LEX_CACHE__BACKENDS__0__KEY_PREFIX", "${APP}-cache").env("APP", "shop");

    assertThat(fixture.load((java.net.URI) null).defaultBackend().keyPrefix()).isEqualTo("shop-cache");
  }
}
