package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code environment: production} refuses, and what it still accepts. */
class ProductionRulesTest {
  private static final String STRONG = "Xq7-vB2_mP9.tL4~wZ";

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  private static String redis(String environment, String url, String password) {
    return """
        cache:
          backends:
            - name: shared
              type: redis
              url: '%s'
              %s
          environment: %s
        """.formatted(url, password == null ? "" : "password: '" + password + "'", environment);
  }

  @Test
  void load_productionPlaintextRedisToRemoteHost_fails() {
    var failure = fixture.failure(redis("production", "redis://cache.example.com:6379/0", null));

    assertThat(failure.key()).isEqualTo("cache.backends[0].url");
    assertThat(failure).hasMessageContaining("cache.backends[0].url: plaintext redis:// to 'cache.example.com' is "
        + "refused in production. Fix: use rediss:// (TLS)");
  }

  @Test
  void load_productionPlaintextSentinelWithOneRemoteHost_fails() {
    var failure = fixture.failure(redis("production", "redis-sentinel://localhost:26379,10.0.0.7:26379/0#m", null));

    assertThat(failure).hasMessageContaining("plaintext redis-sentinel:// to '10.0.0.7' is refused in production")
        .hasMessageContaining("Fix: use rediss-sentinel:// (TLS)");
  }

  @Test
  void load_productionPlaintextRedisToLoopback_isAccepted() {
    LexigramSettings settings = fixture.load(redis("production", "redis://127.0.0.1:6379/0", null));

    assertThat(settings.environment()).isEqualTo(Environment.PRODUCTION);
  }

  @Test
  void load_productionTlsWithStrongPassword_isAccepted() {
    LexigramSettings settings = fixture.load(redis("production", "rediss://app:" + STRONG + "@cache.example.com", STRONG));

    assertThat(settings.defaultBackend().password()).isEqualTo(STRONG);
  }

  @Test
  void load_productionShortPassword_failsWithoutShowingIt() {
    var failure = fixture.failure(redis("production", "rediss://cache.example.com", "s3cr3t-pass"));

    assertThat(failure.key()).isEqualTo("cache.backends[0].password");
    assertThat(failure).hasMessageContaining("the password is 11 characters; production needs at least 16. Fix: use "
        + "a generated secret of at least 16 characters").hasMessageNotContaining("s3cr3t-pass");
  }

  @Test
  void load_productionCommonPassword_fails() {
    var failure = fixture.failure(redis("production", "rediss://cache.example.com", "changeme12345678"));

    assertThat(failure).hasMessageContaining("cache.backends[0].password: the password is a commonly used one");
  }

  @Test
  void load_productionShortPasswordInUrl_failsNamingUrl() {
    var failure = fixture.failure(redis("production", "rediss://:redis@cache.example.com", null));

    assertThat(failure.key()).isEqualTo("cache.backends[0].url");
    assertThat(failure).hasMessageContaining("the password is 5 characters");
  }

  @Test
  void load_productionWeakMemcachedPassword_fails() {
    var failure = fixture.failure("""
        cache:
          backends:
            - { name: sessions, type: memcached, servers: ['mc:11211'], username: app, password: admin }
          environment: production
        """);

    assertThat(failure.key()).isEqualTo("cache.backends[0].password");
  }

  @Test
  void load_developmentWeakPlaintextSettings_areAccepted() {
    LexigramSettings settings = fixture.load(redis("development", "redis://:redis@cache.example.com", "password"));

    assertThat(settings.environment()).isEqualTo(Environment.DEVELOPMENT);
  }

  @Test
  void isCommon_repeatedOrNumberedCommonWords_areCommon() {
    assertThat(ProductionRules.isCommon("passwordpassword")).isTrue();
    assertThat(ProductionRules.isCommon("Admin123456789!!")).isTrue();
    assertThat(ProductionRules.isCommon(STRONG)).isFalse();
  }
}
