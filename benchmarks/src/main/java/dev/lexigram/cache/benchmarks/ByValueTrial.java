package dev.lexigram.cache.benchmarks;

import java.net.URI;
import java.util.Random;
import java.util.function.IntFunction;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.spi.CachingProvider;

/**
 * One trial of a store-by-value memory benchmark ({@link MemoryByValueBenchmark},
 * {@link MemoryBeanByValueBenchmark}): the candidate's cache (lexigram on
 * {@code classpath:bench-by-value-<serializer>.yaml}, or Caffeine's JCache), preloaded with
 * {@link MemoryGetPutBenchmark#KEY_COUNT} values in a shuffled order, checked, and the heap settled.
 *
 * @param <V> the value type
 */
final class ByValueTrial<V> implements AutoCloseable {

  static final String CANDIDATES = "lexigram-auto, lexigram-json, lexigram-kryo, lexigram-java, caffeine-jcache-byValue";
  private static final long SEED = 0x5EED_CAFEL;

  final Cache<String, V> cache;
  /** The keys in a shuffled order; {@code values[i]} is the value of {@code keys[i]}. */
  final String[] keys;
  final V[] values;
  private final CacheManager manager;

  /**
   * @param mustCopy whether every read must return a copy, not the object put; false where the
   *     value is immutable and lexigram may return it as stored
   */
  ByValueTrial(String candidate, Class<V> type, IntFunction<V[]> arrays, IntFunction<V> valueNumber, boolean mustCopy) {
    int count = MemoryGetPutBenchmark.KEY_COUNT;
    keys = new String[count];
    values = arrays.apply(count);
    for (int i = 0; i < count; i++) {
      keys[i] = "product:" + i;
      values[i] = valueNumber.apply(i);
    }
    Random random = new Random(SEED);
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String key = keys[i];
      keys[i] = keys[j];
      keys[j] = key;
      V value = values[i];
      values[i] = values[j];
      values[j] = value;
    }
    manager = open(candidate);
    try {
      cache = create(candidate, type);
      for (int i = 0; i < count; i++) {
        cache.put(keys[i], values[i]);
      }
      verify(candidate, mustCopy);
    } catch (RuntimeException | Error e) {
      manager.close();
      throw e;
    }
    System.gc(); // a settled heap, as in MemoryGetPutBenchmark#setUp
  }

  private static CacheManager open(String candidate) {
    boolean lexigram = candidate.startsWith("lexigram-");
    CachingProvider provider = Caching.getCachingProvider(lexigram ? JCacheCandidate.LEXIGRAM : JCacheCandidate.CAFFEINE);
    if (lexigram) {
      String serializer = candidate.substring("lexigram-".length());
      return provider.getCacheManager(URI.create("classpath:bench-by-value-" + serializer + ".yaml"),
          provider.getDefaultClassLoader());
    }
    if (candidate.equals("caffeine-jcache-byValue")) {
      return provider.getCacheManager();
    }
    throw new IllegalArgumentException("Unknown candidate '" + candidate + "'; use one of " + CANDIDATES);
  }

  private Cache<String, V> create(String candidate, Class<V> type) {
    MutableConfiguration<String, V> configuration = new MutableConfiguration<String, V>()
        .setTypes(String.class, type)
        .setStoreByValue(true)
        .setStatisticsEnabled(false)
        .setManagementEnabled(false)
        .setExpiryPolicyFactory(EternalExpiryPolicy.factoryOf());
    Cache<String, V> created = manager.createCache("by-value-" + type.getSimpleName() + "-" + candidate, configuration);
    @SuppressWarnings("unchecked")
    CompleteConfiguration<String, V> actual = created.getConfiguration(CompleteConfiguration.class);
    if (!actual.isStoreByValue() || actual.isStatisticsEnabled()) {
      throw new IllegalStateException(candidate + ": the provider did not apply the configuration");
    }
    return created;
  }

  /** Every key must read back an equal value, and a copy where {@code mustCopy} (Caffeine always copies). */
  private void verify(String candidate, boolean mustCopy) {
    boolean copyRequired = mustCopy || !candidate.startsWith("lexigram-");
    for (int i = 0; i < keys.length; i++) {
      V stored = cache.get(keys[i]);
      if ((copyRequired && stored == values[i]) || !values[i].equals(stored)) {
        throw new IllegalStateException(candidate + ": key '" + keys[i] + "' reads back "
            + (stored == values[i] ? "the object put, not a copy" : stored) + " after the preload");
      }
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
