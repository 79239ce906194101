package dev.lexigram.cache.benchmarks;

import dev.lexigram.cache.CacheBackend;
import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.LexigramConfiguration;
import dev.lexigram.cache.Result;
import java.net.URI;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cost of lexigram-cache's extension API on a get hit: the same entries read through
 * {@code javax.cache.Cache.get} ({@code standard}), through {@code cache.unwrap(LexigramCache.class).get}
 * ({@code lexigramCache}, which returns a {@code Result<Optional<V>>}) and through
 * {@code manager.unwrap(LexigramCacheManager.class).backend("default").get} ({@code cacheBackend}).
 *
 * <p>All three read one and the same cache: the built-in configuration's memory backend
 * {@code default}, whose JCache cache is also named {@code default}. The trial creates that cache
 * itself with {@code createCache} (by reference, typed {@code String}/{@code byte[]}, statistics
 * and management off, eternal expiry, like {@code lexigram-byRef} in {@link MemoryGetPutBenchmark})
 * before anything opens it, because {@code getCache("default")} would open it with a plain
 * {@code MutableConfiguration}, that is by value; the backend view then wraps that cache. So the
 * rows differ only in the layers above {@code Cache.get}.
 *
 * <p>Keys, values and the key walk are those of {@link MemoryGetPutBenchmark}: {@value
 * MemoryGetPutBenchmark#KEY_COUNT} String keys preloaded through the standard {@code put} with
 * {@value MemoryGetPutBenchmark#VALUE_SIZE}-byte values, every get a hit, each thread walking the
 * shuffled keys from its own random start. The {@code lexigramCache} and {@code cacheBackend}
 * methods return what their API returns (the {@code Result} object itself, not unwrapped) to
 * JMH's blackhole, so the wrapper is allocated and measured as a caller that keeps the result
 * pays it. The {@code lexigramCacheValue} and {@code cacheBackendValue} methods consume the result
 * the way calling code does (a pattern match on {@code Ok}, then {@code Optional.orElse(null)})
 * and return the value, so the JIT may remove the wrapper when the call inlines. One method per
 * API and thread count, so one JMH run gives every row; {@code RatioReport} prints the table.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class ExtensionGetBenchmark {

  static final URI MANAGER_URI = URI.create("lexigram:bench-ext");
  /** The built-in configuration's one backend, and the name of its JCache cache. */
  static final String BACKEND = "default";
  private static final long SEED = 0x5EED_CAFEL;

  private CacheManager manager;
  private Cache<String, byte[]> cache;
  private LexigramCache<String, byte[]> lexigramCache;
  private CacheBackend backend;
  /** The keys in a shuffled order; {@code values[i]} is the value of {@code keys[i]}. */
  private String[] keys;
  private byte[][] values;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(SEED);
    keys = new String[MemoryGetPutBenchmark.KEY_COUNT];
    values = new byte[MemoryGetPutBenchmark.KEY_COUNT][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = "product:" + i;
      values[i] = new byte[MemoryGetPutBenchmark.VALUE_SIZE];
      random.nextBytes(values[i]);
    }
    shuffle(random);

    CachingProvider provider = Caching.getCachingProvider(JCacheCandidate.LEXIGRAM);
    manager = provider.getCacheManager(MANAGER_URI, provider.getDefaultClassLoader());
    try {
      open();
      for (int i = 0; i < keys.length; i++) {
        cache.put(keys[i], values[i]);
      }
      verifyPreload();
      System.gc(); // a settled heap, as in MemoryGetPutBenchmark#setUp
    } catch (RuntimeException | Error e) {
      tearDown();
      throw e;
    }
  }

  /** Opens the cache and both extension views, and fails unless they are what this benchmark claims. */
  private void open() {
    LexigramCacheManager lexigram = manager.unwrap(LexigramCacheManager.class);
    if (!lexigram.configurationSource().equals("built-in default")) {
      throw new IllegalStateException(MANAGER_URI + " read its configuration from "
          + lexigram.configurationSource() + "; this benchmark measures the built-in default "
          + "(unset the lexigram.cache.config property and LEX_CACHE_CONFIG, remove lexigram-cache.yaml)");
    }
    MutableConfiguration<String, byte[]> configuration = new MutableConfiguration<String, byte[]>()
        .setTypes(String.class, byte[].class)
        .setStoreByValue(false)
        .setStatisticsEnabled(false)
        .setManagementEnabled(false)
        .setExpiryPolicyFactory(EternalExpiryPolicy.factoryOf());
    cache = manager.createCache(BACKEND, configuration);
    @SuppressWarnings("unchecked")
    LexigramConfiguration<String, byte[]> actual = cache.getConfiguration(LexigramConfiguration.class);
    if (actual.isStoreByValue() || actual.isStatisticsEnabled() || !BACKEND.equals(actual.getBackend())) {
      throw new IllegalStateException("cache '" + BACKEND + "' opened with storeByValue=" + actual.isStoreByValue()
          + ", statistics=" + actual.isStatisticsEnabled() + ", backend=" + actual.getBackend()
          + "; expected by reference, no statistics, backend " + BACKEND);
    }
    @SuppressWarnings("unchecked")
    LexigramCache<String, byte[]> extension = cache.unwrap(LexigramCache.class);
    lexigramCache = extension;
    backend = lexigram.backend(BACKEND);
    Cache<String, byte[]> behindBackend = manager.getCache(BACKEND);
    if (behindBackend != cache) {
      throw new IllegalStateException("backend '" + BACKEND + "' is not the cache created for it");
    }
  }

  /** Shuffles keys and values together (Fisher-Yates), so a key keeps its value. */
  private void shuffle(Random random) {
    for (int i = keys.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String key = keys[i];
      keys[i] = keys[j];
      keys[j] = key;
      byte[] value = values[i];
      values[i] = values[j];
      values[j] = value;
    }
  }

  /**
   * Every key must read back the very array that was put, through each of the three APIs: a
   * miss, a copy or an error would make the numbers meaningless, so it fails the trial.
   */
  private void verifyPreload() {
    for (int i = 0; i < keys.length; i++) {
      check(i, "Cache.get", cache.get(keys[i]));
      check(i, "LexigramCache.get", lexigramCache.get(keys[i]).unwrap().orElse(null));
      check(i, "CacheBackend.get", backend.get(keys[i]).unwrap().orElse(null));
    }
  }

  private void check(int i, String api, Object stored) {
    if (stored != values[i]) {
      throw new IllegalStateException(api + ": key '" + keys[i] + "' reads back "
          + (stored == null ? "nothing" : "another object than the array put (a copy?)") + " after the preload");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (manager != null) {
      manager.close(); // closes the cache, which the backend view wraps
      manager = null;
      cache = null;
      lexigramCache = null;
      backend = null;
    }
  }

  @Benchmark
  @Threads(1)
  public byte[] standard_1thread(MemoryGetPutBenchmark.Cursor cursor) {
    return cache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(2)
  public byte[] standard_2threads(MemoryGetPutBenchmark.Cursor cursor) {
    return cache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(1)
  public Result<Optional<byte[]>> lexigramCache_1thread(MemoryGetPutBenchmark.Cursor cursor) {
    return lexigramCache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(2)
  public Result<Optional<byte[]>> lexigramCache_2threads(MemoryGetPutBenchmark.Cursor cursor) {
    return lexigramCache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(1)
  public Result<Optional<Object>> cacheBackend_1thread(MemoryGetPutBenchmark.Cursor cursor) {
    return backend.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(2)
  public Result<Optional<Object>> cacheBackend_2threads(MemoryGetPutBenchmark.Cursor cursor) {
    return backend.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(1)
  public byte[] lexigramCacheValue_1thread(MemoryGetPutBenchmark.Cursor cursor) {
    return valueOf(lexigramCache.get(keys[cursor.next()]));
  }

  @Benchmark
  @Threads(2)
  public byte[] lexigramCacheValue_2threads(MemoryGetPutBenchmark.Cursor cursor) {
    return valueOf(lexigramCache.get(keys[cursor.next()]));
  }

  @Benchmark
  @Threads(1)
  public Object cacheBackendValue_1thread(MemoryGetPutBenchmark.Cursor cursor) {
    return valueOf(backend.get(keys[cursor.next()]));
  }

  @Benchmark
  @Threads(2)
  public Object cacheBackendValue_2threads(MemoryGetPutBenchmark.Cursor cursor) {
    return valueOf(backend.get(keys[cursor.next()]));
  }

  /** What calling code does with a get's result: the value on a hit, null on a miss or an error. */
  private static <V> V valueOf(Result<Optional<V>> result) {
    return (result instanceof Result.Ok<Optional<V>> ok) ? ok.value().orElse(null) : null;
  }
}
