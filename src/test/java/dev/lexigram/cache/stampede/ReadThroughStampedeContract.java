package dev.lexigram.cache.stampede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.config.ProtectionSettings;
import dev.lexigram.cache.config.SerializerKind;
import dev.lexigram.cache.config.ServiceSettings;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stampede through the standard API: 32 threads read the same 4 cold keys of a read-through
 * cache at once while the loader is held; with protection on (the default) the loader runs once per
 * key, every reader gets the value, and a failing loader's exception reaches every reader with
 * nothing cached. Written once; each backend supplies its settings.
 */
abstract class ReadThroughStampedeContract {

  static final int THREADS = 32;
  static final List<String> KEYS = List.of("k0", "k1", "k2", "k3");

  /** Loader calls per key and the gate every load waits at; static because the cache makes the loader from a factory. */
  static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
  static volatile CountDownLatch gate = new CountDownLatch(0);
  static volatile boolean failing;

  /** Counts its calls per key and waits at the gate; fails when {@link #failing}. */
  public static final class GatedLoader implements CacheLoader<String, String> {
    @Override
    public String load(String key) {
      CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CacheLoaderException(e);
      }
      if (failing) {
        throw new IllegalStateException("the database is down");
      }
      return "loaded:" + key;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      Map<String, String> loaded = new HashMap<>();
      keys.forEach(key -> loaded.put(key, load(key)));
      return loaded;
    }
  }

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private final List<Thread> readers = new ArrayList<>();

  /** The settings of the backend under test, with the given protection switch. */
  abstract LexigramSettings settings();

  /** The clock of the fixture (remote backends need the real time). */
  FakeClock clock() {
    return new FakeClock();
  }

  static LexigramSettings withProtection(LexigramSettings settings, boolean on) {
    return withProtection(settings, on, ProtectionSettings.defaults());
  }

  static LexigramSettings withProtection(LexigramSettings settings, boolean on, ProtectionSettings protection) {
    return new LexigramSettings(settings.source(), settings.backends(), settings.caches(),
        new ServiceSettings(SerializerKind.AUTO, on, List.of(), List.of(), null, protection), settings.environment());
  }

  /** Loads at once, without the gate. */
  public static final class QuickLoader implements CacheLoader<String, String> {
    @Override
    public String load(String key) {
      return "quick:" + key;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      Map<String, String> loaded = new HashMap<>();
      keys.forEach(key -> loaded.put(key, load(key)));
      return loaded;
    }
  }

  /**
   * For a store shared between processes: a holder stuck in its load (another manager, standing for
   * another process) keeps the key's lease only for {@code lock_ttl}; a reader elsewhere then takes
   * the lease over and loads.
   */
  void assertStuckHolderIsTakenOverAfterItsLease() throws Exception {
    ProtectionSettings protection = new ProtectionSettings(Duration.ofSeconds(20), Duration.ofSeconds(1),
        ProtectionSettings.OnTimeout.FAIL);
    try (CacheFixture stuck = new CacheFixture(withProtection(settings(), true, protection), clock());
        CacheFixture other = new CacheFixture(withProtection(settings(), true, protection), clock())) {
      Cache<String, String> stuckCache = readThroughCache(stuck, "takeover");
      Cache<String, String> otherCache = other.cache("takeover", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class).setReadThrough(true)
          .setCacheLoaderFactory(FactoryBuilder.factoryOf(QuickLoader.class)));
      gate = new CountDownLatch(1);
      Future<String> holder = pool.submit(() -> stuckCache.get("k0"));
      await().atMost(Duration.ofSeconds(10)).until(() -> CALLS.containsKey("k0"));

      long start = System.nanoTime();
      String value = otherCache.get("k0");
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      System.out.println("[stampede takeover] the other reader loaded after " + waitedMillis + " ms (lock_ttl 1 s)");
      assertThat(value).isEqualTo("quick:k0");
      // memcached ends a lease on whole seconds of its own clock: anywhere up to lock_ttl
      assertThat(waitedMillis).as("waited no longer than the stuck holder's lease").isLessThan(15_000L);
      assertThat(holder).as("the holder is still stuck: the reader took over, not waited for it").isNotDone();
      gate.countDown();
      assertThat(holder.get(20, TimeUnit.SECONDS)).isEqualTo("loaded:k0"); // the stuck load ends with its own value
      assertThat(otherCache.get("k0")).isEqualTo("quick:k0"); // and the value stored first stays
    }
  }

  @BeforeEach
  void reset() {
    CALLS.clear();
    failing = false;
  }

  @AfterEach
  void stop() {
    gate.countDown();
    pool.shutdownNow();
  }

  private Cache<String, String> readThroughCache(CacheFixture fixture, String name) {
    return fixture.cache(name, new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(GatedLoader.class)));
  }

  /** Starts THREADS readers, each reading one of the keys in turn, and releases the loads once all are blocked. */
  private <T> List<Future<T>> stampede(java.util.function.Function<String, Callable<T>> read) {
    gate = new CountDownLatch(1);
    List<Future<T>> results = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      Callable<T> call = read.apply(KEYS.get(i % KEYS.size()));
      results.add(pool.submit(() -> {
        synchronized (readers) {
          readers.add(Thread.currentThread());
        }
        return call.call();
      }));
    }
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> {
      synchronized (readers) {
        return readers.size() == THREADS && readers.stream().allMatch(t ->
            t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
      }
    });
    gate.countDown();
    return results;
  }

  @Test
  void get_32ReadersOf4ColdKeys_loadOncePerKey_andAllGetTheValue() throws Exception {
    try (CacheFixture fixture = new CacheFixture(withProtection(settings(), true), clock())) {
      Cache<String, String> cache = readThroughCache(fixture, "stampede-get");

      List<Future<String>> results = stampede(key -> () -> key + "=" + cache.get(key));

      for (Future<String> result : results) {
        String line = result.get(20, TimeUnit.SECONDS);
        assertThat(line).isEqualTo(line.substring(0, 2) + "=loaded:" + line.substring(0, 2));
      }
      assertThat(CALLS).hasSize(KEYS.size()).allSatisfy((key, calls) -> assertThat(calls).as(key).hasValue(1));
      KEYS.forEach(key -> assertThat(cache.get(key)).isEqualTo("loaded:" + key));
      assertThat(CALLS.values()).allSatisfy(calls -> assertThat(calls).hasValue(1));
    }
  }

  @Test
  void getAll_32ReadersOfOverlappingKeys_loadOncePerKey() throws Exception {
    try (CacheFixture fixture = new CacheFixture(withProtection(settings(), true), clock())) {
      Cache<String, String> cache = readThroughCache(fixture, "stampede-getall");

      List<Future<Map<String, String>>> results = stampede(key -> () -> cache.getAll(new java.util.TreeSet<>(List.of(key, "k0"))));

      for (Future<Map<String, String>> result : results) {
        assertThat(result.get(20, TimeUnit.SECONDS)).allSatisfy((key, value) -> assertThat(value).isEqualTo("loaded:" + key));
      }
      assertThat(CALLS).hasSize(KEYS.size()).allSatisfy((key, calls) -> assertThat(calls).as(key).hasValue(1));
    }
  }

  @Test
  void get_loaderFails_everyReaderGetsTheFailure_andNothingIsCached() throws Exception {
    try (CacheFixture fixture = new CacheFixture(withProtection(settings(), true), clock())) {
      Cache<String, String> cache = readThroughCache(fixture, "stampede-failure");
      failing = true;

      List<Future<String>> results = stampede(key -> () -> cache.get(key));

      for (Future<String> result : results) {
        assertThatThrownBy(() -> result.get(20, TimeUnit.SECONDS))
            .hasCauseInstanceOf(CacheLoaderException.class)
            .hasStackTraceContaining("the database is down");
      }
      assertThat(CALLS).allSatisfy((key, calls) -> assertThat(calls).as(key).hasValue(1));
      failing = false;
      gate = new CountDownLatch(0);
      KEYS.forEach(key -> assertThat(cache.containsKey(key)).as(key).isFalse());
    }
  }

  @Test
  void get_protectionOff_everyReaderLoads() throws Exception {
    try (CacheFixture fixture = new CacheFixture(withProtection(settings(), false), clock())) {
      Cache<String, String> cache = readThroughCache(fixture, "stampede-unprotected");

      List<Future<String>> results = stampede(key -> () -> cache.get(key));

      for (Future<String> result : results) {
        result.get(20, TimeUnit.SECONDS);
      }
      int total = CALLS.values().stream().mapToInt(AtomicInteger::get).sum();
      assertThat(total).isEqualTo(THREADS);
    }
  }

  /** A compute function with the gated loader's counting, waiting and failing. */
  private static String compute(String key) {
    return new GatedLoader().load(key);
  }

  @Test
  void getOrCompute_32CallersOf4ColdKeys_computeOncePerKey_andAllGetTheValue() throws Exception {
    try (CacheFixture fixture = new CacheFixture(withProtection(settings(), true), clock())) {
      LexigramCache<String, String> cache = fixture.cache("compute", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class)).unwrap(LexigramCache.class);

      List<Future<Result<String>>> results = stampede(key -> () -> cache.getOrCompute(key,
          ReadThroughStampedeContract::compute));

      for (Future<Result<String>> result : results) {
        assertThat(result.get(20, TimeUnit.SECONDS).unwrap()).startsWith("loaded:k");
      }
      assertThat(CALLS).hasSize(KEYS.size()).allSatisfy((key, calls) -> assertThat(calls).as(key).hasValue(1));
      KEYS.forEach(key -> assertThat(cache.get(key).unwrap()).contains("loaded:" + key));
    }
  }

  @Test
  void getOrCompute_computeFails_everyCallerGetsTheError_andNothingIsStored() throws Exception {
    try (CacheFixture fixture = new CacheFixture(withProtection(settings(), true), clock())) {
      LexigramCache<String, String> cache = fixture.cache("compute-failure", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class)).unwrap(LexigramCache.class);
      failing = true;

      List<Future<Result<String>>> results = stampede(key -> () -> cache.getOrCompute(key,
          ReadThroughStampedeContract::compute));

      for (Future<Result<String>> result : results) {
        Result<String> outcome = result.get(20, TimeUnit.SECONDS);
        assertThat(outcome.isErr()).isTrue();
        assertThat(((Result.Err<String>) outcome).error().message()).contains("the database is down");
      }
      assertThat(CALLS).allSatisfy((key, calls) -> assertThat(calls).as(key).hasValue(1));
      KEYS.forEach(key -> assertThat(cache.exists(key).unwrap()).as(key).isFalse());
    }
  }

  @Test
  void getOrCompute_withTtl_storesWithThatTtl_andNullIsAnInvalidKeyError() {
    try (CacheFixture fixture = new CacheFixture(withProtection(settings(), true), clock())) {
      LexigramCache<String, String> cache = fixture.cache("compute-ttl", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class)).unwrap(LexigramCache.class);

      assertThat(cache.getOrCompute("k", Duration.ofMinutes(5), key -> "v").unwrap()).isEqualTo("v");
      assertThat(cache.getOrCompute("k", key -> "other").unwrap()).as("a hit does not compute").isEqualTo("v");
      assertThat(cache.ttl("k").unwrap().remaining()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
      Result<String> none = cache.getOrCompute("absent", key -> null);
      assertThat(none.isErr()).isTrue();
      assertThat(((Result.Err<String>) none).error().kind()).isEqualTo(CacheError.Kind.INVALID_KEY);
      assertThat(((Result.Err<String>) none).error().message()).contains("compute returned null");
    }
  }
}
