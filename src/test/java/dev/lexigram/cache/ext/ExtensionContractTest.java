package dev.lexigram.cache.ext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.CacheError.Kind;
import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.TimeToLive;
import dev.lexigram.cache.testing.CacheFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The extension API's contract, written once: each backend's test extends this class and says
 * how to create a cache and how to let time pass. Every call is checked for its result and its
 * async twin; failures are checked for their kind.
 */
public abstract class ExtensionContractTest {

  /** The manager on the backend under test, with the fake clock the tests advance. */
  protected final CacheFixture fixture;

  /** Each backend's test passes a new fixture per test; it is closed after the test. */
  protected ExtensionContractTest(CacheFixture fixture) {
    this.fixture = fixture;
  }

  @AfterEach
  void closeFixture() {
    fixture.close();
  }

  /** Returns a new cache with the given configuration on the backend under test. */
  protected <K, V> Cache<K, V> createCache(String name, MutableConfiguration<K, V> configuration) {
    return fixture.cache(name, configuration);
  }

  /** Lets {@code duration} pass for the backend under test. */
  protected void advance(Duration duration) {
    fixture.clock().advance(duration);
  }

  private LexigramCache<String, Object> plain(String name) {
    Cache<String, Object> cache = createCache(name, new MutableConfiguration<String, Object>());
    @SuppressWarnings("unchecked")
    LexigramCache<String, Object> extension = cache.unwrap(LexigramCache.class);
    return extension;
  }

  private static <T> T done(java.util.concurrent.CompletionStage<Result<T>> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS).unwrap();
  }

  @Test
  void putGetDeleteExists_roundTrip() {
    LexigramCache<String, Object> cache = plain("basic");
    assertThat(cache.get("k").unwrap()).isEmpty();
    assertThat(cache.put("k", "v").isOk()).isTrue();
    assertThat(cache.get("k").unwrap()).contains("v");
    assertThat(cache.exists("k").unwrap()).isTrue();
    assertThat(cache.delete("k").unwrap()).isTrue();
    assertThat(cache.delete("k").unwrap()).isFalse();
    assertThat(cache.exists("k").unwrap()).isFalse();
  }

  @Test
  void asyncTwins_giveTheSameResults() throws Exception {
    LexigramCache<String, Object> cache = plain("async");
    done(cache.putAsync("k", "v"));
    assertThat(done(cache.getAsync("k"))).contains("v");
    assertThat(done(cache.existsAsync("k"))).isTrue();
    done(cache.putAsync("t", "v", Duration.ofSeconds(5)));
    assertThat(done(cache.ttlAsync("t")).remaining()).isEqualTo(Duration.ofSeconds(5));
    assertThat(done(cache.expireAsync("t", Duration.ofSeconds(9)))).isTrue();
    assertThat(done(cache.persistAsync("t"))).isTrue();
    done(cache.putManyAsync(Map.of("a", 1L, "b", 2L)));
    done(cache.putManyAsync(Map.of("c", 3L), Duration.ofSeconds(1)));
    assertThat(done(cache.getManyAsync(List.of("a", "b", "c", "z")))).containsOnlyKeys("a", "b", "c");
    assertThat(done(cache.incrementAsync("a", 41))).isEqualTo(42L);
    assertThat(done(cache.deleteManyAsync(List.of("a", "b", "z")))).isEqualTo(2L);
    assertThat(done(cache.deletePatternAsync("c"))).isEqualTo(1L);
    assertThat(done(cache.deleteAsync("k"))).isTrue();
    done(cache.clearAsync());
    assertThat(done(cache.existsAsync("t"))).isFalse();
  }

  @Test
  void asyncTwin_failure_completesNormallyWithErr() throws Exception {
    LexigramCache<String, Object> cache = plain("asyncErr");
    Result<Long> result = cache.deletePatternAsync("broken[").toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(result.error().kind()).isEqualTo(Kind.INVALID_KEY);
  }

  @Test
  void asyncTwin_doesNotBlockTheCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BlockingLoader.latch = release;
    MutableConfiguration<String, Object> configuration = new MutableConfiguration<String, Object>()
        .setReadThrough(true).setCacheLoaderFactory(FactoryBuilder.factoryOf(BlockingLoader.class));
    @SuppressWarnings("unchecked")
    LexigramCache<String, Object> cache = createCache("asyncBlock", configuration).unwrap(LexigramCache.class);
    CompletableFuture<Result<Optional<Object>>> future = cache.getAsync("slow").toCompletableFuture();
    assertThat(future).isNotDone();
    release.countDown();
    assertThat(future.get(10, TimeUnit.SECONDS).unwrap()).contains("loaded:slow");
  }

  @Test
  void putWithTtl_expiresAfterIt() {
    LexigramCache<String, Object> cache = plain("ttl");
    cache.put("k", "v", Duration.ofSeconds(10)).unwrap();
    assertThat(cache.ttl("k").unwrap()).isEqualTo(TimeToLive.of(Duration.ofSeconds(10)));
    advance(Duration.ofSeconds(4));
    assertThat(cache.ttl("k").unwrap().remaining()).isEqualTo(Duration.ofSeconds(6));
    advance(Duration.ofSeconds(6));
    assertThat(cache.get("k").unwrap()).isEmpty();
    assertThat(cache.ttl("k").unwrap()).isEqualTo(TimeToLive.missing());
  }

  @Test
  void ttl_roundsUpToWholeMilliseconds() {
    LexigramCache<String, Object> cache = plain("rounding");
    cache.put("nano", "v", Duration.ofNanos(1)).unwrap();
    cache.put("half", "v", Duration.ofNanos(1_500_000)).unwrap();
    assertThat(cache.ttl("nano").unwrap().remaining()).isEqualTo(Duration.ofMillis(1));
    assertThat(cache.ttl("half").unwrap().remaining()).isEqualTo(Duration.ofMillis(2));
  }

  @Test
  void ttl_nonPositive_isUnsupportedAndStoresNothing() {
    LexigramCache<String, Object> cache = plain("badTtl");
    assertThat(cache.put("k", "v", Duration.ZERO).error().kind()).isEqualTo(Kind.UNSUPPORTED);
    assertThat(cache.put("k", "v", Duration.ofSeconds(-1)).error().message()).contains("must be positive");
    assertThat(cache.exists("k").unwrap()).isFalse();
  }

  @Test
  void expireAndPersist_changeALiveKeyOnly() {
    LexigramCache<String, Object> cache = plain("expire");
    assertThat(cache.expire("absent", Duration.ofSeconds(1)).unwrap()).isFalse();
    assertThat(cache.persist("absent").unwrap()).isFalse();
    cache.put("k", "v").unwrap();
    assertThat(cache.ttl("k").unwrap()).isEqualTo(TimeToLive.persistent());
    assertThat(cache.expire("k", Duration.ofSeconds(3)).unwrap()).isTrue();
    assertThat(cache.ttl("k").unwrap().remaining()).isEqualTo(Duration.ofSeconds(3));
    assertThat(cache.persist("k").unwrap()).isTrue();
    advance(Duration.ofSeconds(5));
    assertThat(cache.get("k").unwrap()).contains("v");
  }

  @Test
  void manyKeyOperations_countWhatTheyTouched() {
    LexigramCache<String, Object> cache = plain("many");
    cache.putMany(Map.of("a", 1, "b", 2, "c", 3)).unwrap();
    cache.putMany(Map.of("short", 4), Duration.ofSeconds(1)).unwrap();
    assertThat(cache.getMany(List.of("a", "b", "x", "short")).unwrap()).containsOnlyKeys("a", "b", "short");
    advance(Duration.ofSeconds(1));
    assertThat(cache.getMany(List.of("short")).unwrap()).isEmpty();
    assertThat(cache.deleteMany(List.of("a", "b", "b", "x")).unwrap()).isEqualTo(2L);
    assertThat(cache.exists("c").unwrap()).isTrue();
  }

  @Test
  void increment_isAtomicAndTyped() throws Exception {
    LexigramCache<String, Object> cache = plain("counter");
    assertThat(cache.increment("n", 5).unwrap()).isEqualTo(5L);
    assertThat(cache.increment("n", -2).unwrap()).isEqualTo(3L);
    cache.put("word", "text").unwrap();
    Result<Long> notANumber = cache.increment("word", 1);
    assertThat(notANumber.error().kind()).isEqualTo(Kind.UNSUPPORTED);
    assertThat(notANumber.error().message()).contains("java.lang.String").contains("not a whole number");

    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 250; i++) {
          cache.increment("shared", 1).unwrap();
        }
      }));
    }
    for (Future<?> future : futures) {
      future.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(cache.get("shared").unwrap()).contains(1000L);
  }

  @Test
  void deletePattern_removesOnlyMatchingKeys() {
    LexigramCache<String, Object> cache = plain("pattern");
    cache.putMany(Map.of("product:1", 1, "product:2", 2, "product:list:a", 3, "user:1", 4, "productX", 5)).unwrap();
    assertThat(cache.deletePattern("product:*").unwrap()).isEqualTo(3L);
    assertThat(cache.getMany(List.of("user:1", "productX")).unwrap()).containsOnlyKeys("user:1", "productX");
  }

  @Test
  void deletePattern_globEdgeCases() {
    LexigramCache<String, Object> cache = plain("globs");
    cache.putMany(Map.of("a*", 1, "ab", 2, "a?", 3, "user:42:profile", 4, "[x]", 5)).unwrap();
    assertThat(cache.deletePattern("a\\*").unwrap()).isEqualTo(1L);
    assertThat(cache.exists("ab").unwrap()).isTrue();
    assertThat(cache.deletePattern("\\[x\\]").unwrap()).isEqualTo(1L);
    assertThat(cache.deletePattern("").unwrap()).isZero();
    assertThat(cache.deletePattern("user:*:profile").unwrap()).isEqualTo(1L);
    assertThat(cache.deletePattern("a[?b]").unwrap()).isEqualTo(2L);
    cache.putMany(Map.of("x", 1, "y", 2)).unwrap();
    assertThat(cache.deletePattern("*").unwrap()).isEqualTo(2L);
  }

  @Test
  void deletePattern_malformed_isInvalidKey() {
    Result<Long> result = plain("malformed").deletePattern("user:[ab");
    assertThat(result.error().kind()).isEqualTo(Kind.INVALID_KEY);
    assertThat(result.error().message()).contains("user:[ab");
  }

  @Test
  void deletePattern_racingWithPuts_losesNoUnrelatedKeyAndNeverThrows() throws Exception {
    LexigramCache<String, Object> cache = plain("race");
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch started = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<List<Result<Long>>> deleter = pool.submit(() -> {
      started.countDown();
      started.await();
      List<Result<Long>> failures = new ArrayList<>();
      while (running.get()) {
        Result<Long> result = cache.deletePattern("tmp:*");
        if (result.isErr()) {
          failures.add(result);
        }
      }
      return failures;
    });
    Future<?> writer = pool.submit(() -> {
      started.countDown();
      started.await();
      for (int i = 0; i < 2_000; i++) {
        cache.put("tmp:" + i, i).unwrap();
        cache.put("keep:" + i, i).unwrap();
      }
      running.set(false);
      return null;
    });
    writer.get(60, TimeUnit.SECONDS);
    assertThat(deleter.get(60, TimeUnit.SECONDS)).isEmpty();
    pool.shutdown();
    for (int i = 0; i < 2_000; i += 97) {
      assertThat(cache.get("keep:" + i).unwrap()).contains(i);
    }
    cache.deletePattern("tmp:*").unwrap();
    assertThat(cache.deletePattern("keep:*").unwrap()).isEqualTo(2_000L);
  }

  @Test
  void deletePattern_onlyThisCachesKeys() {
    LexigramCache<String, Object> first = plain("first");
    LexigramCache<String, Object> second = plain("second");
    first.put("k:1", 1).unwrap();
    second.put("k:1", 1).unwrap();
    assertThat(first.deletePattern("k:*").unwrap()).isEqualTo(1L);
    assertThat(second.exists("k:1").unwrap()).isTrue();
  }

  @Test
  void nullKey_isInvalidKey() {
    LexigramCache<String, Object> cache = plain("nulls");
    assertThat(cache.get(null).error().kind()).isEqualTo(Kind.INVALID_KEY);
    assertThat(cache.put(null, "v").error().kind()).isEqualTo(Kind.INVALID_KEY);
    assertThat(cache.put("k", null).error().kind()).isEqualTo(Kind.INVALID_KEY);
  }

  @Test
  void wrongKeyType_isInvalidKey() {
    Cache<Long, String> typed = createCache("typed", new MutableConfiguration<Long, String>().setTypes(Long.class, String.class));
    @SuppressWarnings({"unchecked", "rawtypes"})
    LexigramCache<Object, Object> raw = (LexigramCache) typed.unwrap(LexigramCache.class);
    assertThat(raw.get("not a long").error().kind()).isEqualTo(Kind.INVALID_KEY);
    assertThat(raw.put(1L, 2L).error().kind()).isEqualTo(Kind.UNSUPPORTED);
  }

  @Test
  void loaderRuntimeException_isBackendErrorNamingTheLoader() {
    MutableConfiguration<String, Object> configuration = new MutableConfiguration<String, Object>()
        .setReadThrough(true).setCacheLoaderFactory(FactoryBuilder.factoryOf(FailingLoader.class));
    @SuppressWarnings("unchecked")
    LexigramCache<String, Object> cache = createCache("failingLoader", configuration).unwrap(LexigramCache.class);
    Result<Optional<Object>> result = cache.get("k");
    assertThat(result.error().kind()).isEqualTo(Kind.BACKEND);
    assertThat(result.error().message()).contains("cache loader").contains("database is down");
    assertThat(result.error().cause()).isNotNull();
  }

  @Test
  void writerFailure_isBackendErrorAndLeavesCacheUnchanged() {
    MutableConfiguration<String, Object> configuration = new MutableConfiguration<String, Object>()
        .setWriteThrough(true).setCacheWriterFactory(FactoryBuilder.factoryOf(FailingWriter.class));
    @SuppressWarnings("unchecked")
    LexigramCache<String, Object> cache = createCache("failingWriter", configuration).unwrap(LexigramCache.class);
    Result<Void> result = cache.put("k", "v");
    assertThat(result.error().kind()).isEqualTo(Kind.BACKEND);
    assertThat(result.error().message()).contains("cache writer");
    assertThat(cache.exists("k").unwrap()).isFalse();
  }

  @Test
  void interruptedThread_getsTimeoutAndKeepsItsFlag() {
    MutableConfiguration<String, Object> configuration = new MutableConfiguration<String, Object>()
        .setReadThrough(true).setCacheLoaderFactory(FactoryBuilder.factoryOf(SleepingLoader.class));
    @SuppressWarnings("unchecked")
    LexigramCache<String, Object> cache = createCache("interrupted", configuration).unwrap(LexigramCache.class);
    Thread.currentThread().interrupt();
    try {
      Result<Optional<Object>> result = cache.get("k");
      assertThat(result.error().kind()).isEqualTo(Kind.TIMEOUT);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void closedCache_isConfigurationError() {
    Cache<String, Object> cache = createCache("closing", new MutableConfiguration<String, Object>());
    @SuppressWarnings("unchecked")
    LexigramCache<String, Object> extension = cache.unwrap(LexigramCache.class);
    cache.close();
    assertThat(extension.put("k", "v").error().kind()).isEqualTo(Kind.CONFIGURATION);
    assertThat(extension.get("k").error().message()).contains("closed");
  }

  @Test
  void extensionWrites_areSeenByListenersStatisticsAndTheStandardApi() {
    List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
    RecordingListener.sink = created;
    MutableConfiguration<String, Object> configuration = new MutableConfiguration<String, Object>().setStatisticsEnabled(true);
    configuration.addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
        FactoryBuilder.factoryOf(RecordingListener.class), null, false, true));
    Cache<String, Object> cache = createCache("seen", configuration);
    @SuppressWarnings("unchecked")
    LexigramCache<String, Object> extension = cache.unwrap(LexigramCache.class);
    extension.put("a", 1).unwrap();
    extension.put("b", 2, Duration.ofMinutes(1)).unwrap();
    extension.putMany(Map.of("c", 3)).unwrap();
    assertThat(created).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(cache.get("b")).isEqualTo(2);
    var statistics = cache.unwrap(dev.lexigram.cache.jcache.CacheProxy.class).statistics();
    assertThat(statistics.getCachePuts()).isEqualTo(3);
    assertThat(statistics.getCacheHits()).isEqualTo(1);
  }

  @Test
  void asyncTwins_countStatistics_andHonourExpiry_likeTheStandardCalls() throws Exception {
    MutableConfiguration<String, Object> configuration = new MutableConfiguration<String, Object>().setStatisticsEnabled(true);
    Cache<String, Object> cache = createCache("asyncStats", configuration);
    @SuppressWarnings("unchecked")
    LexigramCache<String, Object> extension = cache.unwrap(LexigramCache.class);

    done(extension.putAsync("a", 1));
    assertThat(done(extension.getAsync("a"))).contains(1);
    assertThat(done(extension.getAsync("missing"))).isEmpty();
    assertThat(done(extension.getManyAsync(List.of("a", "missing")))).containsOnlyKeys("a");
    assertThat(done(extension.deleteAsync("a"))).isTrue();
    assertThat(done(extension.deleteAsync("a"))).isFalse();
    extension.put("short", "v", Duration.ofSeconds(1)).unwrap();
    advance(Duration.ofSeconds(2));
    assertThat(done(extension.existsAsync("short"))).isFalse();
    assertThat(done(extension.getAsync("short"))).isEmpty();

    var statistics = cache.unwrap(dev.lexigram.cache.jcache.CacheProxy.class).statistics();
    assertThat(statistics.getCachePuts()).isEqualTo(2);
    assertThat(statistics.getCacheHits()).isEqualTo(2);
    assertThat(statistics.getCacheMisses()).isEqualTo(3);
    assertThat(statistics.getCacheRemovals()).isEqualTo(1);
  }

  @Test
  void asyncTwins_onAClosedCacheOrANullKey_completeWithErr() throws Exception {
    Cache<String, Object> cache = createCache("asyncClosed", new MutableConfiguration<String, Object>());
    @SuppressWarnings("unchecked")
    LexigramCache<String, Object> extension = cache.unwrap(LexigramCache.class);
    assertThat(extension.getAsync(null).toCompletableFuture().get(10, TimeUnit.SECONDS).error().kind())
        .isEqualTo(Kind.INVALID_KEY);
    cache.close();
    assertThat(extension.putAsync("k", "v").toCompletableFuture().get(10, TimeUnit.SECONDS).error().kind())
        .isEqualTo(Kind.CONFIGURATION);
    assertThat(extension.getManyAsync(List.of("k")).toCompletableFuture().get(10, TimeUnit.SECONDS).error().message())
        .contains("closed");
  }

  /** Loads after the test releases it. */
  public static final class BlockingLoader implements CacheLoader<String, Object> {
    static volatile CountDownLatch latch;

    @Override
    public Object load(String key) {
      try {
        latch.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "loaded:" + key;
    }

    @Override
    public Map<String, Object> loadAll(Iterable<? extends String> keys) {
      throw new UnsupportedOperationException();
    }
  }

  /** Always fails like a loader whose database is down. */
  public static final class FailingLoader implements CacheLoader<String, Object> {
    @Override
    public Object load(String key) {
      throw new IllegalStateException("database is down");
    }

    @Override
    public Map<String, Object> loadAll(Iterable<? extends String> keys) {
      throw new IllegalStateException("database is down");
    }
  }

  /** Waits on the interruptible sleep of a slow source. */
  public static final class SleepingLoader implements CacheLoader<String, Object> {
    @Override
    public Object load(String key) {
      try {
        new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        return "late";
      } catch (InterruptedException e) {
        throw new javax.cache.integration.CacheLoaderException("interrupted while loading " + key, e);
      }
    }

    @Override
    public Map<String, Object> loadAll(Iterable<? extends String> keys) {
      throw new UnsupportedOperationException();
    }
  }

  /** Always fails. */
  public static final class FailingWriter implements CacheWriter<String, Object> {
    @Override
    public void write(Cache.Entry<? extends String, ? extends Object> entry) {
      throw new IllegalStateException("system of record refused " + entry.getKey());
    }

    @Override
    public void writeAll(java.util.Collection<Cache.Entry<? extends String, ? extends Object>> entries) {
      throw new IllegalStateException("system of record refused");
    }

    @Override
    public void delete(Object key) {
      throw new IllegalStateException("system of record refused " + key);
    }

    @Override
    public void deleteAll(java.util.Collection<?> keys) {
      throw new IllegalStateException("system of record refused");
    }
  }

  /** Records created keys. */
  public static final class RecordingListener implements CacheEntryCreatedListener<String, Object> {
    static volatile List<String> sink;

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends Object>> events) {
      events.forEach(event -> sink.add(event.getKey()));
    }
  }
}
