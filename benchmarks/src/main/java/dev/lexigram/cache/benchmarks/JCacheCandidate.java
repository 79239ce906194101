package dev.lexigram.cache.benchmarks;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.spi.CachingProvider;

/**
 * A {@code javax.cache.Cache<String, byte[]>} from a provider chosen by class name (the uber jar
 * registers two providers, so {@code Caching.getCachingProvider()} without a name would fail).
 * The cache is configured the same way for every provider: typed, statistics and management
 * off, eternal expiry, store-by-value or by-reference as asked, in a manager of its own.
 */
class JCacheCandidate implements Candidate {

  static final String LEXIGRAM = "dev.lexigram.cache.jcache.spi.LexigramCachingProvider";
  static final String CAFFEINE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

  private final CacheManager manager;
  private final Cache<String, byte[]> cache;

  private JCacheCandidate(CacheManager manager, Cache<String, byte[]> cache) {
    this.manager = manager;
    this.cache = cache;
  }

  static JCacheCandidate open(String name, String providerClass, boolean storeByValue) {
    CachingProvider provider = Caching.getCachingProvider(providerClass);
    return open(name, provider, managerUri(provider, name), storeByValue, false);
  }

  /**
   * A lexigram cache by reference with a read-through loader (never called: every key is
   * preloaded), on the manager of {@code managerUri}: the hit path of a read-through cache, with
   * stampede protection on (the built-in default) or off (a configuration that turns it off).
   */
  static JCacheCandidate openReadThrough(String name, URI managerUri) {
    return open(name, Caching.getCachingProvider(LEXIGRAM), managerUri, false, true);
  }

  /**
   * A lexigram read-through cache by reference whose entries expire an hour after they were
   * loaded, on the manager of {@code managerUri}: preloading goes through the loader, so every
   * entry records how long it took to load, and a hit runs the early-recomputation check (which
   * draws nothing an hour from expiry) when protection is on.
   */
  static JCacheCandidate openExpiringReadThrough(String name, URI managerUri) {
    CachingProvider provider = Caching.getCachingProvider(LEXIGRAM);
    CacheManager manager = provider.getCacheManager(managerUri, provider.getDefaultClassLoader());
    Cache<String, byte[]> cache = manager.createCache(name, new MutableConfiguration<String, byte[]>()
        .setTypes(String.class, byte[].class)
        .setStoreByValue(false)
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ONE_HOUR))
        .setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(ValueLoader.class)));
    return new JCacheCandidate(manager, cache) {
      @Override
      public void put(String key, byte[] value) {
        ValueLoader.SOURCE.put(key, value);
        cache.get(key); // load it, so that the entry carries its load time as a loaded entry does
      }
    };
  }

  /** Loads what the preload put into {@link #SOURCE}, for the expiring read-through candidates. */
  public static final class ValueLoader implements CacheLoader<String, byte[]> {
    /** The values the "database" holds: what the benchmark preloads. */
    static final Map<String, byte[]> SOURCE = new ConcurrentHashMap<>();

    @Override
    public byte[] load(String key) {
      return SOURCE.get(key);
    }

    @Override
    public Map<String, byte[]> loadAll(Iterable<? extends String> keys) {
      Map<String, byte[]> loaded = new HashMap<>();
      keys.forEach(key -> loaded.put(key, SOURCE.get(key)));
      return loaded;
    }
  }

  /** A loader for read-through candidates; every key is preloaded, so it is never called. */
  public static final class PreloadedLoader implements CacheLoader<String, byte[]> {
    @Override
    public byte[] load(String key) {
      throw new IllegalStateException("key '" + key + "' was not preloaded");
    }

    @Override
    public Map<String, byte[]> loadAll(Iterable<? extends String> keys) {
      throw new IllegalStateException("keys were not preloaded");
    }
  }

  private static JCacheCandidate open(String name, CachingProvider provider, URI managerUri, boolean storeByValue,
      boolean readThrough) {
    CacheManager manager = provider.getCacheManager(managerUri, provider.getDefaultClassLoader());
    MutableConfiguration<String, byte[]> configuration = new MutableConfiguration<String, byte[]>()
        .setTypes(String.class, byte[].class)
        .setStoreByValue(storeByValue)
        .setStatisticsEnabled(false)
        .setManagementEnabled(false)
        .setExpiryPolicyFactory(EternalExpiryPolicy.factoryOf());
    if (readThrough) {
      configuration.setReadThrough(true).setCacheLoaderFactory(FactoryBuilder.factoryOf(PreloadedLoader.class));
    }
    Cache<String, byte[]> cache = manager.createCache(name, configuration);
    @SuppressWarnings("unchecked")
    CompleteConfiguration<String, byte[]> actual = cache.getConfiguration(CompleteConfiguration.class);
    if (actual.isStoreByValue() != storeByValue || actual.isStatisticsEnabled()) {
      manager.close();
      throw new IllegalStateException(name + ": the provider did not apply the configuration (storeByValue="
          + actual.isStoreByValue() + ", statistics=" + actual.isStatisticsEnabled() + ")");
    }
    return new JCacheCandidate(manager, cache);
  }

  /**
   * Lexigram gets a manager URI per candidate (an opaque URI that names no configuration file,
   * so the built-in memory default applies); Caffeine's provider resolves non-default URIs as
   * configuration resources, so its candidates share the default manager and differ by cache name.
   */
  private static URI managerUri(CachingProvider provider, String name) {
    return provider.getClass().getName().equals(LEXIGRAM)
        ? URI.create("lexigram:benchmarks-" + name)
        : provider.getDefaultURI();
  }

  @Override
  public byte[] get(String key) {
    return cache.get(key);
  }

  @Override
  public void put(String key, byte[] value) {
    cache.put(key, value);
  }

  @Override
  public void close() {
    try {
      cache.close();
    } finally {
      manager.close();
    }
  }
}
