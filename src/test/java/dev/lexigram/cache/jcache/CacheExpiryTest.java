package dev.lexigram.cache.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.testing.CacheFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import javax.cache.management.CacheStatisticsMXBean;
import org.junit.jupiter.api.Test;

/** Expiry policies evaluated against an injected clock: no sleeping, exact instants. */
class CacheExpiryTest {

  private static javax.cache.expiry.Duration seconds(long n) {
    return new javax.cache.expiry.Duration(TimeUnit.SECONDS, n);
  }

  private static MutableConfiguration<String, String> config() {
    return new MutableConfiguration<String, String>().setTypes(String.class, String.class).setStatisticsEnabled(true);
  }

  @Test
  void created_entryExpiresAtCreationPlusDuration() {
    try (CacheFixture fixture = new CacheFixture()) {
      Cache<String, String> cache = fixture.cache("c", config().setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(seconds(10))));
      cache.put("k", "v");
      fixture.clock().advance(Duration.ofMillis(9_999));
      assertThat(cache.get("k")).isEqualTo("v");
      cache.put("k", "v2"); // an update does not extend a created-expiry entry
      fixture.clock().advance(Duration.ofMillis(1));
      assertThat(cache.get("k")).isNull();
      assertThat(cache.containsKey("k")).isFalse();
    }
  }

  @Test
  void accessed_readExtendsLife() {
    try (CacheFixture fixture = new CacheFixture()) {
      Cache<String, String> cache = fixture.cache("c", config().setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(seconds(10))));
      cache.put("k", "v");
      fixture.clock().advance(Duration.ofSeconds(8));
      assertThat(cache.get("k")).isEqualTo("v");
      fixture.clock().advance(Duration.ofSeconds(8));
      assertThat(cache.get("k")).isEqualTo("v");
      fixture.clock().advance(Duration.ofSeconds(10));
      assertThat(cache.get("k")).isNull();
    }
  }

  /** Entries never expire when created; a read gives them ten seconds. */
  public static final class EternalUntilRead implements javax.cache.expiry.ExpiryPolicy {
    @Override
    public javax.cache.expiry.Duration getExpiryForCreation() {
      return javax.cache.expiry.Duration.ETERNAL;
    }

    @Override
    public javax.cache.expiry.Duration getExpiryForAccess() {
      return seconds(10);
    }

    @Override
    public javax.cache.expiry.Duration getExpiryForUpdate() {
      return null;
    }
  }

  @Test
  void eternalOnCreation_readGivesTheEntryAnExpiry() {
    try (CacheFixture fixture = new CacheFixture()) {
      Cache<String, String> cache = fixture.cache("c", config().setExpiryPolicyFactory(FactoryBuilder.factoryOf(EternalUntilRead.class)));
      cache.put("k", "v");
      fixture.clock().advance(Duration.ofDays(1));
      assertThat(cache.get("k")).isEqualTo("v"); // the read of an entry kept bare still touches it
      fixture.clock().advance(Duration.ofMillis(9_999));
      assertThat(cache.get("k")).isEqualTo("v");
      fixture.clock().advance(Duration.ofSeconds(10));
      assertThat(cache.get("k")).isNull();
      CacheStatisticsMXBean statistics = cache.unwrap(CacheProxy.class).statistics();
      assertThat(statistics.getCacheHits()).isEqualTo(2);
      assertThat(statistics.getCacheMisses()).isEqualTo(1);
    }
  }

  /** Loads "loaded:" + key and counts its calls. */
  public static final class CountingLoader implements javax.cache.integration.CacheLoader<String, String> {
    static final java.util.concurrent.atomic.AtomicInteger CALLS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String load(String key) {
      CALLS.incrementAndGet();
      return "loaded:" + key;
    }

    @Override
    public java.util.Map<String, String> loadAll(Iterable<? extends String> keys) {
      java.util.Map<String, String> loaded = new java.util.HashMap<>();
      keys.forEach(key -> loaded.put(key, load(key)));
      return loaded;
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "statistics {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void readThrough_missAndExpiredEntry_areLoaded_hitIsNot(boolean statisticsEnabled) {
    try (CacheFixture fixture = new CacheFixture()) {
      Cache<String, String> cache = fixture.cache("c", config().setStatisticsEnabled(statisticsEnabled)
          .setReadThrough(true).setCacheLoaderFactory(FactoryBuilder.factoryOf(CountingLoader.class))
          .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(seconds(10))));
      CountingLoader.CALLS.set(0);
      assertThat(cache.get("missing")).isEqualTo("loaded:missing");
      cache.put("k", "v");
      assertThat(cache.get("k")).isEqualTo("v");
      assertThat(CountingLoader.CALLS).hasValue(1);
      fixture.clock().advance(Duration.ofSeconds(10));
      assertThat(cache.get("k")).isEqualTo("loaded:k");
      assertThat(CountingLoader.CALLS).hasValue(2);
      CacheStatisticsMXBean statistics = cache.unwrap(CacheProxy.class).statistics();
      assertThat(statistics.getCacheMisses()).isEqualTo(statisticsEnabled ? 2 : 0);
      assertThat(statistics.getCacheHits()).isEqualTo(statisticsEnabled ? 1 : 0);
    }
  }

  @Test
  void modified_updateExtendsLife_readDoesNot() {
    try (CacheFixture fixture = new CacheFixture()) {
      Cache<String, String> cache = fixture.cache("c", config().setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(seconds(10))));
      cache.put("k", "v");
      fixture.clock().advance(Duration.ofSeconds(8));
      cache.put("k", "v2");
      fixture.clock().advance(Duration.ofSeconds(8));
      assertThat(cache.get("k")).isEqualTo("v2");
      fixture.clock().advance(Duration.ofSeconds(2));
      assertThat(cache.get("k")).isNull();
    }
  }

  @Test
  void touched_readOrWriteExtendsLife() {
    try (CacheFixture fixture = new CacheFixture()) {
      Cache<String, String> cache = fixture.cache("c", config().setExpiryPolicyFactory(TouchedExpiryPolicy.factoryOf(seconds(10))));
      cache.put("k", "v");
      fixture.clock().advance(Duration.ofSeconds(9));
      assertThat(cache.get("k")).isEqualTo("v");
      fixture.clock().advance(Duration.ofSeconds(9));
      cache.put("k", "v2");
      fixture.clock().advance(Duration.ofSeconds(9));
      assertThat(cache.get("k")).isEqualTo("v2");
    }
  }

  @Test
  void zeroCreationDuration_valueIsNeverStoredNorCounted() {
    try (CacheFixture fixture = new CacheFixture()) {
      Cache<String, String> cache = fixture.cache("c", config()
          .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ZERO)));
      cache.put("k", "v");
      assertThat(cache.containsKey("k")).isFalse();
      assertThat(cache.unwrap(CacheProxy.class).statistics().getCachePuts()).isZero();
    }
  }

  @Test
  void expiredEntry_publishesOneExpiredEventWithOldValue() {
    try (CacheFixture fixture = new CacheFixture()) {
      List<String> expired = new CopyOnWriteArrayList<>();
      MutableConfiguration<String, String> configuration = config()
          .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(seconds(1)));
      configuration.addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
          FactoryBuilder.factoryOf(new RecordingExpiredListener(expired)), null, true, true));
      Cache<String, String> cache = fixture.cache("c", configuration);
      cache.put("k", "v");
      fixture.clock().advance(Duration.ofSeconds(2));
      assertThat(cache.get("k")).isNull();
      assertThat(cache.get("k")).isNull();
      assertThat(expired).containsExactly("k=v");
      CacheStatisticsMXBean statistics = cache.unwrap(CacheProxy.class).statistics();
      assertThat(statistics.getCacheMisses()).isEqualTo(2);
      assertThat(statistics.getCacheEvictions()).isZero();
    }
  }

  @Test
  void backendDefaultTtl_appliesWhenConfigurationHasNoPolicy() {
    var settings = dev.lexigram.cache.config.ConfigLoader.load(null, getClass().getClassLoader(),
        java.util.Map.of("LEX_CACHE__BACKENDS__0__DEFAULT_TTL", "30"), new java.util.Properties());
    try (CacheFixture fixture = new CacheFixture(settings)) {
      Cache<String, String> cache = fixture.cache("c", config());
      cache.put("k", "v");
      fixture.clock().advance(Duration.ofSeconds(29));
      assertThat(cache.get("k")).isEqualTo("v");
      fixture.clock().advance(Duration.ofSeconds(1));
      assertThat(cache.get("k")).isNull();
    }
  }

  /** Records expired events as key=oldValue. */
  static final class RecordingExpiredListener implements CacheEntryExpiredListener<String, String>, java.io.Serializable {
    private final transient List<String> sink;

    RecordingExpiredListener(List<String> sink) {
      this.sink = sink;
    }

    @Override
    public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
      events.forEach(event -> sink.add(event.getKey() + "=" + event.getOldValue()));
    }
  }
}
