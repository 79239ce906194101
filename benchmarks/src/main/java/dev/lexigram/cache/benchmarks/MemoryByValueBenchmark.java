package dev.lexigram.cache.benchmarks;

import java.net.URI;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Store-by-value get and put of a small record ({@link Product}) through {@code javax.cache.Cache}:
 * lexigram-cache's memory backend with each of its serializers (the default AUTO, JSON, Kryo,
 * JDK) beside Caffeine's JCache, which copies with Java serialization. {@link Product} is a record
 * of immutable components, which lexigram recognises and does not copy at all, whatever the
 * serializer; Caffeine serializes it on every get and put. {@link MemoryGetPutBenchmark}
 * measures by-value with {@code byte[]} values, which both providers copy with an array clone;
 * this one measures the copy that differs between them, for the values applications cache.
 *
 * <p>Keys, key walk and thread counts as in {@link MemoryGetPutBenchmark}: {@value
 * MemoryGetPutBenchmark#KEY_COUNT} String keys preloaded, every get a hit, every put a replace.
 * {@code RatioReport} prints the ratios lexigram-* / caffeine-jcache-byValue.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class MemoryByValueBenchmark {

  private static final long SEED = 0x5EED_CAFEL;

  @Param({"lexigram-auto", "lexigram-json", "lexigram-kryo", "lexigram-java", "caffeine-jcache-byValue"})
  public String candidate;

  private CacheManager manager;
  private Cache<String, Product> cache;
  /** The keys in a shuffled order; {@code values[i]} is the value of {@code keys[i]}. */
  private String[] keys;
  private Product[] values;

  @Setup(Level.Trial)
  public void setUp() {
    int count = MemoryGetPutBenchmark.KEY_COUNT;
    keys = new String[count];
    values = new Product[count];
    for (int i = 0; i < count; i++) {
      keys[i] = "product:" + i;
      values[i] = Product.number(i);
    }
    Random random = new Random(SEED);
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String key = keys[i];
      keys[i] = keys[j];
      keys[j] = key;
      Product value = values[i];
      values[i] = values[j];
      values[j] = value;
    }
    open();
    for (int i = 0; i < count; i++) {
      cache.put(keys[i], values[i]);
    }
    verifyPreload();
    System.gc(); // a settled heap, as in MemoryGetPutBenchmark#setUp
  }

  private void open() {
    boolean lexigram = candidate.startsWith("lexigram-");
    CachingProvider provider = Caching.getCachingProvider(lexigram ? JCacheCandidate.LEXIGRAM : JCacheCandidate.CAFFEINE);
    if (lexigram) {
      String serializer = candidate.substring("lexigram-".length());
      manager = provider.getCacheManager(URI.create("classpath:bench-by-value-" + serializer + ".yaml"),
          provider.getDefaultClassLoader());
    } else if (candidate.equals("caffeine-jcache-byValue")) {
      manager = provider.getCacheManager();
    } else {
      throw new IllegalArgumentException("Unknown candidate '" + candidate
          + "'; use one of lexigram-auto, lexigram-json, lexigram-kryo, lexigram-java, caffeine-jcache-byValue");
    }
    MutableConfiguration<String, Product> configuration = new MutableConfiguration<String, Product>()
        .setTypes(String.class, Product.class)
        .setStoreByValue(true)
        .setStatisticsEnabled(false)
        .setManagementEnabled(false)
        .setExpiryPolicyFactory(EternalExpiryPolicy.factoryOf());
    cache = manager.createCache("by-value-" + candidate, configuration);
    @SuppressWarnings("unchecked")
    CompleteConfiguration<String, Product> actual = cache.getConfiguration(CompleteConfiguration.class);
    if (!actual.isStoreByValue() || actual.isStatisticsEnabled()) {
      tearDown();
      throw new IllegalStateException(candidate + ": the provider did not apply the configuration");
    }
  }

  /**
   * Every key must read back an equal value, and Caffeine's a copy. lexigram may return the very
   * object put: {@link Product} is a record of immutable components, which a store-by-value cache
   * needs no copy of (see {@link MemoryBeanByValueBenchmark} for a value that must be copied).
   */
  private void verifyPreload() {
    boolean mustCopy = !candidate.startsWith("lexigram-");
    for (int i = 0; i < keys.length; i++) {
      Product stored = cache.get(keys[i]);
      if ((mustCopy && stored == values[i]) || !values[i].equals(stored)) {
        tearDown();
        throw new IllegalStateException(candidate + ": key '" + keys[i] + "' reads back "
            + (stored == values[i] ? "the object put, not a copy" : stored) + " after the preload");
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (manager != null) {
      manager.close();
      manager = null;
      cache = null;
    }
  }

  @Benchmark
  @Threads(1)
  public Product get_1thread(MemoryGetPutBenchmark.Cursor cursor) {
    return cache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(2)
  public Product get_2threads(MemoryGetPutBenchmark.Cursor cursor) {
    return cache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(1)
  public void put_1thread(MemoryGetPutBenchmark.Cursor cursor) {
    int i = cursor.next();
    cache.put(keys[i], values[i]);
  }

  @Benchmark
  @Threads(2)
  public void put_2threads(MemoryGetPutBenchmark.Cursor cursor) {
    int i = cursor.next();
    cache.put(keys[i], values[i]);
  }
}
