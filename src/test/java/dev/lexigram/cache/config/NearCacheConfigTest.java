package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code near_cache} sections: defaults, a cache's own, turning it off, and the errors. */
class NearCacheConfigTest {

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  private static String redis(String nearCache) {
    return "cache:\n  backends:\n    - name: shared\n      type: redis\n      url: redis://127.0.0.1:6379\n"
        + (nearCache == null ? "" : "      near_cache: " + nearCache + "\n");
  }

  @Test
  void absent_isOff() {
    assertThat(fixture.load(redis(null)).backends().get(0).nearCache()).isNull();
  }

  @Test
  void anEmptySection_isOnWithTheDefaults() {
    assertThat(fixture.load(redis("{}")).backends().get(0).nearCache()).isEqualTo(NearCacheSettings.defaults());
  }

  @Test
  void everyKey_isRead() {
    NearCacheSettings near = fixture.load(redis("{ max_size: 500, max_ttl: 5m, heartbeat: 250ms }")).backends().get(0)
        .nearCache();

    assertThat(near).isEqualTo(new NearCacheSettings(true, 500, Duration.ofMinutes(5), Duration.ofMillis(250)));
  }

  @Test
  void enabledFalse_onABackend_isOff() {
    assertThat(fixture.load(redis("{ enabled: false, max_size: 5 }")).backends().get(0).nearCache()).isNull();
  }

  @Test
  void aCachesOwnSection_isKept_includingOneThatTurnsTheBackendsOff() {
    LexigramSettings settings = fixture.load(redis("{}") + "  caches:\n    hot: { near_cache: { max_size: 50 } }\n"
        + "    cold: { near_cache: { enabled: false } }\n    plain: {}\n");

    assertThat(settings.caches().get("hot").nearCache().maxSize()).isEqualTo(50);
    assertThat(settings.caches().get("cold").nearCache().enabled()).isFalse();
    assertThat(settings.caches().get("plain").nearCache()).isNull();
  }

  @Test
  void aHeartbeatInACachesOwnSection_failsNamingTheBackendsSection() {
    var failure = fixture.failure(redis("{}") + "  caches:\n    hot: { near_cache: { heartbeat: 200ms } }\n");

    assertThat(failure).hasMessageContaining("cache.caches.hot.near_cache.heartbeat")
        .hasMessageContaining("backend's invalidation connection")
        .hasMessageContaining("set it under the backend's near_cache");
  }

  @Test
  void onAMemoryBackend_failsNamingTheKeyAndTheFix() {
    var failure = fixture.failure("cache:\n  backends:\n    - name: local\n      type: memory\n      near_cache: {}\n");

    assertThat(failure).hasMessageContaining("cache.backends[0].near_cache")
        .hasMessageContaining("applies only to redis and memcached")
        .hasMessageContaining("a memory backend already answers from local memory");
  }

  @Test
  void onACacheOfAMemoryBackend_failsNamingTheKey() {
    var failure = fixture.failure("cache:\n  caches:\n    hot: { near_cache: { max_size: 5 } }\n");

    assertThat(failure).hasMessageContaining("cache.caches.hot.near_cache").hasMessageContaining("memory");
  }

  @Test
  void zeroMaxSize_unknownKeys_andNonPositiveDurations_fail() {
    assertThat(fixture.failure(redis("{ max_size: 0 }"))).hasMessageContaining("near_cache.max_size")
        .hasMessageContaining("must be positive");
    assertThat(fixture.failure(redis("{ max_tll: 5s }"))).hasMessageContaining("max_tll")
        .hasMessageContaining("max_ttl");
    assertThat(fixture.failure(redis("{ heartbeat: 0s }"))).hasMessageContaining("near_cache.heartbeat");
  }

  @Test
  void anEnvironmentOverride_reachesANestedKey() {
    LexigramSettings settings = fixture.env("LEX_CACHE__BACKENDS__0__NEAR_CACHE__MAX_SIZE", "77").load(redis("{}"));

    assertThat(settings.backends().get(0).nearCache().maxSize()).isEqualTo(77);
  }
}
