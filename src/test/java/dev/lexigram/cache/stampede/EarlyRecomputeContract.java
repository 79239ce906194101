package dev.lexigram.cache.stampede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.config.ProtectionSettings;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Early recomputation (XFetch) through the cache: an entry that will expire in a minute is read
 * close to its expiry on a fake clock; a read recomputes it in the background while every read
 * goes on getting the current value, once at a time, and the new value gets a new minute. Written
 * once; each backend supplies its settings.
 */
abstract class EarlyRecomputeContract {

  static final long TTL_MILLIS = 60_000;
  static final AtomicInteger CALLS = new AtomicInteger();
  /** Every load after the first waits here, so that a test sees reads while a recompute runs. */
  static volatile CountDownLatch hold = new CountDownLatch(0);

  /** Loads {@code v<n>} on its n-th call. */
  public static final class CountingLoader implements CacheLoader<String, String> {
    @Override
    public String load(String key) {
      int call = CALLS.incrementAndGet();
      if (call > 1) {
        try {
          hold.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CacheLoaderException(e);
        }
      }
      return "v" + call;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      Map<String, String> loaded = new HashMap<>();
      keys.forEach(key -> loaded.put(key, load(key)));
      return loaded;
    }
  }

  /** The settings of the backend under test, with the given protection. */
  abstract LexigramSettings settings(ProtectionSettings protection);

  /** The clock of the fixture (remote backends need one that is never behind the server). */
  FakeClock clock() {
    return new FakeClock();
  }

  @BeforeEach
  void reset() {
    CALLS.set(0);
    hold = new CountDownLatch(0);
  }

  @AfterEach
  void release() {
    hold.countDown();
  }

  static Cache<String, String> readThroughCache(CacheFixture fixture, String name) {
    return fixture.cache(name, new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(CountingLoader.class))
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS,
            TTL_MILLIS))));
  }

  private LexigramSettings withBeta(double beta) {
    ProtectionSettings defaults = ProtectionSettings.defaults();
    return settings(new ProtectionSettings(defaults.maxWait(), defaults.lockTtl(), defaults.onTimeout(), beta));
  }

  @Test
  void get_closeToExpiry_recomputesOnceInTheBackground_whileReadsGetTheCurrentValue() {
    FakeClock clock = clock();
    try (CacheFixture fixture = new CacheFixture(withBeta(1), clock)) {
      Cache<String, String> cache = readThroughCache(fixture, "xfetch-get");
      assertThat(cache.get("k")).isEqualTo("v1");
      hold = new CountDownLatch(1);
      clock.advance(Duration.ofMillis(TTL_MILLIS - 1));

      int reads = readUntilRecomputeStarts(cache);
      for (int i = 0; i < 200; i++) {
        assertThat(cache.get("k")).as("a read while the recompute is held").isEqualTo("v1");
      }
      System.out.println("[xfetch " + getClass().getSimpleName() + "] recompute started by read " + reads
          + " at 1 ms before expiry; 200 reads during it got the current value");
      assertThat(CALLS).as("one recompute at a time").hasValue(2);

      hold.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> "v2".equals(cache.get("k")));
      clock.advance(Duration.ofMillis(TTL_MILLIS / 2));
      assertThat(cache.get("k")).as("the recomputed entry got a new time to live").isEqualTo("v2");
      assertThat(CALLS).hasValue(2);
    }
  }

  @Test
  void getOrCompute_closeToExpiry_recomputesWithItsFunctionAndTtl() {
    FakeClock clock = clock();
    try (CacheFixture fixture = new CacheFixture(withBeta(1), clock)) {
      LexigramCache<String, String> cache = fixture.cache("xfetch-compute",
          new MutableConfiguration<String, String>().setTypes(String.class, String.class))
          .unwrap(LexigramCache.class);
      CountingLoader compute = new CountingLoader();
      Duration ttl = Duration.ofMillis(TTL_MILLIS);
      assertThat(cache.getOrCompute("k", ttl, compute::load).unwrap()).isEqualTo("v1");
      clock.advance(Duration.ofMillis(TTL_MILLIS - 1));

      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
          .until(() -> "v2".equals(cache.getOrCompute("k", ttl, compute::load).unwrap()));
      clock.advance(Duration.ofMillis(TTL_MILLIS / 2));
      assertThat(cache.getOrCompute("k", ttl, compute::load).unwrap()).isEqualTo("v2");
      assertThat(CALLS).hasValue(2);
    }
  }

  @Test
  void get_farFromExpiry_orWithBetaZero_neverRecomputes() {
    FakeClock clock = clock();
    try (CacheFixture on = new CacheFixture(withBeta(1), clock);
        CacheFixture off = new CacheFixture(withBeta(0), clock)) {
      Cache<String, String> far = readThroughCache(on, "xfetch-far");
      Cache<String, String> disabled = readThroughCache(off, "xfetch-off");
      assertThat(far.get("far")).isEqualTo("v1");
      for (int i = 0; i < 2_000; i++) {
        assertThat(far.get("far")).isEqualTo("v1");
      }
      assertThat(disabled.get("off")).isEqualTo("v2");
      clock.advance(Duration.ofMillis(TTL_MILLIS - 1));
      for (int i = 0; i < 2_000; i++) {
        assertThat(disabled.get("off")).isEqualTo("v2");
      }
      assertThat(CALLS).hasValue(2);
    }
  }

  /**
   * For a store shared between processes: two managers (standing for two processes) read an entry
   * close to its expiry; one recompute runs in both together.
   */
  void assertTwoProcessesRecomputeOnceTogether() {
    FakeClock clock = clock();
    try (CacheFixture one = new CacheFixture(withBeta(1), clock);
        CacheFixture two = new CacheFixture(withBeta(1), clock)) {
      Cache<String, String> first = readThroughCache(one, "xfetch-shared");
      Cache<String, String> second = readThroughCache(two, "xfetch-shared");
      assertThat(first.get("k")).isEqualTo("v1");
      assertThat(second.get("k")).as("stored by the first process").isEqualTo("v1");
      hold = new CountDownLatch(1);
      clock.advance(Duration.ofMillis(TTL_MILLIS - 1));

      readUntilRecomputeStarts(first);
      for (int i = 0; i < 500; i++) {
        assertThat(second.get("k")).isEqualTo("v1");
        assertThat(first.get("k")).isEqualTo("v1");
      }
      assertThat(CALLS).as("the other process leaves the recompute to the lease holder").hasValue(2);

      hold.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> "v2".equals(second.get("k")));
      assertThat(CALLS).hasValue(2);
    }
  }

  /** Reads the key until a read has started a recompute (the loader's second call); returns how many reads that took. */
  private static int readUntilRecomputeStarts(Cache<String, String> cache) {
    int reads = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (CALLS.get() < 2) {
      assertThat(cache.get("k")).isEqualTo("v1");
      reads++;
      assertThat(System.nanoTime() - deadline).as("no recompute started after %d reads", reads).isNegative();
    }
    return reads;
  }
}
