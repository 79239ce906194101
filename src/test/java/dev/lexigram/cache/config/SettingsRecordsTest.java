package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public records: defaults, lookups, immutability, and masked secrets. */
class SettingsRecordsTest {
  private static BackendSettings memory(String name, boolean isDefault) {
    return new BackendSettings(name, BackendType.MEMORY, isDefault, null, null, null, null, List.of(), null, null,
        Duration.ofSeconds(2));
  }

  private static BackendSettings redis(String url, String password) {
    return new BackendSettings("shared", BackendType.REDIS, true, null, null, url, null, List.of(), "app", password,
        Duration.ofSeconds(2));
  }

  @Test
  void backendToString_withPasswords_masksThem() {
    String text = redis("rediss://app:hunter2@cache:6379/0", "hunter3").toString();

    assertThat(text).contains("url=rediss://app:***@cache:6379/0", "password=***")
        .doesNotContain("hunter2", "hunter3");
  }

  @Test
  void backendToString_urlWithPasswordOnly_masksWholeUserInfo() {
    assertThat(redis("redis://hunter2@cache:6379", null).toString())
        .contains("url=redis://***@cache:6379", "password=null")
        .doesNotContain("hunter2");
  }

  @Test
  void serviceToString_withSigningKeys_countsThem() {
    var service = new ServiceSettings(SerializerKind.JSON, true, List.of(), List.of("k".repeat(32), "q".repeat(32)), null);

    assertThat(service.toString()).contains("signingKeys=2 key(s)").doesNotContain("kkkk", "qqqq");
  }

  @Test
  void defaults_isOneUnboundedMemoryBackendNamedDefault() {
    LexigramSettings defaults = LexigramSettings.defaults();

    assertThat(defaults.backends()).containsExactly(memory("default", true));
    assertThat(defaults.caches()).isEmpty();
    assertThat(defaults.service()).isEqualTo(ServiceSettings.defaults());
    assertThat(defaults.environment()).isEqualTo(Environment.DEVELOPMENT);
  }

  @Test
  void serviceDefaults_areAutoProtectedWithoutKeysOrCompression() {
    assertThat(ServiceSettings.defaults())
        .isEqualTo(new ServiceSettings(SerializerKind.AUTO, true, List.of(), List.of(), null));
  }

  @Test
  void backend_byName_findsDeclaredOrEmpty() {
    var settings = new LexigramSettings("test", List.of(memory("a", false), memory("b", true)), Map.of(),
        ServiceSettings.defaults(), Environment.TESTING);

    assertThat(settings.backend("a")).contains(memory("a", false));
    assertThat(settings.backend("c")).isEmpty();
    assertThat(settings.defaultBackend().name()).isEqualTo("b");
  }

  @Test
  void caches_afterConstruction_areOrderedAndImmutable() {
    var caches = new LinkedHashMap<String, CacheSettings>();
    for (String name : List.of("z", "a", "m")) {
      caches.put(name, new CacheSettings(name, null, null, null, false, false, null));
    }
    var settings = new LexigramSettings("test", List.of(memory("d", true)), caches, ServiceSettings.defaults(),
        Environment.TESTING);
    caches.clear();

    assertThat(settings.caches().keySet()).containsExactly("z", "a", "m");
    assertThatThrownBy(() -> settings.caches().remove("z")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> settings.backends().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void constructor_twoDefaults_throwsIllegalArgument() {
    assertThatThrownBy(() -> new LexigramSettings("test", List.of(memory("a", true), memory("b", true)), Map.of(),
        ServiceSettings.defaults(), Environment.TESTING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one default backend");
  }

  @Test
  void constructor_negativeMaxSize_throwsIllegalArgument() {
    assertThatThrownBy(() -> new BackendSettings("a", BackendType.MEMORY, true, -1L, null, null, null, List.of(),
        null, null, Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exception_message_joinsSourceKeyProblemAndFix() {
    var e = new InvalidConfigurationException("file:/x.yaml", "cache.environment", "unknown environment 'prod'.",
        "use production");

    assertThat(e).isInstanceOf(javax.cache.CacheException.class)
        .hasMessage("Invalid lexigram-cache configuration in file:/x.yaml: cache.environment: unknown environment "
            + "'prod'. Fix: use production.");
    assertThat(e.problem()).isEqualTo("unknown environment 'prod'.");
  }

  @Test
  void maskedUrl_hidesThePasswordOnly() {
    BackendSettings redis = new BackendSettings("shared", BackendType.REDIS, true, null, null,
        "redis://app:s3cret@cache.local:6379/0", null, java.util.List.of(), null, null, java.time.Duration.ofSeconds(2));
    org.assertj.core.api.Assertions.assertThat(redis.maskedUrl()).isEqualTo("redis://app:***@cache.local:6379/0");
  }
}
