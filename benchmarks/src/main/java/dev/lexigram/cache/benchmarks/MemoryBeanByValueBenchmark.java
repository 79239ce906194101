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
 * {@link MemoryByValueBenchmark} with a value that must be copied: {@link ProductBean}, the same
 * fields in a mutable {@code Serializable} bean. Here every lexigram candidate copies through its
 * serializer (the default AUTO through JDK serialization, as Caffeine's JCache does), so this is
 * the comparison of the copies themselves.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class MemoryBeanByValueBenchmark {

  private static final long SEED = 0x5EED_CAFEL;

  @Param({"lexigram-auto", "lexigram-json", "lexigram-kryo", "lexigram-java", "caffeine-jcache-byValue"})
  public String candidate;

  private CacheManager manager;
  private Cache<String, ProductBean> cache;
  /** The keys in a shuffled order; {@code values[i]} is the value of {@code keys[i]}. */
  private String[] keys;
  private ProductBean[] values;

  @Setup(Level.Trial)
  public void setUp() {
    int count = MemoryGetPutBenchmark.KEY_COUNT;
    keys = new String[count];
    values = new ProductBean[count];
    for (int i = 0; i < count; i++) {
      keys[i] = "product:" + i;
      values[i] = ProductBean.number(i);
    }
    Random random = new Random(SEED);
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String key = keys[i];
      keys[i] = keys[j];
      keys[j] = key;
      ProductBean value = values[i];
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
    MutableConfiguration<String, ProductBean> configuration = new MutableConfiguration<String, ProductBean>()
        .setTypes(String.class, ProductBean.class)
        .setStoreByValue(true)
        .setStatisticsEnabled(false)
        .setManagementEnabled(false)
        .setExpiryPolicyFactory(EternalExpiryPolicy.factoryOf());
    cache = manager.createCache("bean-by-value-" + candidate, configuration);
    @SuppressWarnings("unchecked")
    CompleteConfiguration<String, ProductBean> actual = cache.getConfiguration(CompleteConfiguration.class);
    if (!actual.isStoreByValue() || actual.isStatisticsEnabled()) {
      tearDown();
      throw new IllegalStateException(candidate + ": the provider did not apply the configuration");
    }
  }

  /** Every key must read back an equal copy, never the very object put (that would be by reference). */
  private void verifyPreload() {
    boolean mustCopy = true;
    for (int i = 0; i < keys.length; i++) {
      ProductBean stored = cache.get(keys[i]);
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
  public ProductBean get_1thread(MemoryGetPutBenchmark.Cursor cursor) {
    return cache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(2)
  public ProductBean get_2threads(MemoryGetPutBenchmark.Cursor cursor) {
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
