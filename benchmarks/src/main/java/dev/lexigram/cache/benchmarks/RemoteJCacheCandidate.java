package dev.lexigram.cache.benchmarks;

import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.LexigramConfiguration;
import java.net.URI;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.spi.CachingProvider;

/**
 * A {@code javax.cache.Cache<String, byte[]>} on a remote server, from a provider chosen by class
 * name and a manager opened on a configuration file that the benchmark wrote
 * ({@code getCacheManager(fileUri, classLoader)}). The cache is made with {@code createCache}, the
 * same way for every provider: typed, store-by-value (the only mode remote stores offer),
 * statistics and management off, eternal expiry. {@link NearCacheBenchmark} also opens lexigram's
 * memory backend this way, by value, as the reference its near cache is measured against.
 */
final class RemoteJCacheCandidate implements RemoteCandidate {

  static final String LEXIGRAM = JCacheCandidate.LEXIGRAM;
  static final String REDISSON = "org.redisson.jcache.JCachingProvider";
  static final String CACHE_NAME = "bench";

  private final CacheManager manager;
  private final Cache<String, byte[]> cache;

  private RemoteJCacheCandidate(CacheManager manager, Cache<String, byte[]> cache) {
    this.manager = manager;
    this.cache = cache;
  }

  /**
   * Opens the cache.
   *
   * @param lexigramBackend for lexigram, the backend the cache must land on (the trial fails
   *     otherwise); null for another provider
   */
  static RemoteJCacheCandidate open(String name, String providerClass, URI configFile, String lexigramBackend) {
    CachingProvider provider = Caching.getCachingProvider(providerClass);
    CacheManager manager = provider.getCacheManager(configFile, provider.getDefaultClassLoader());
    try {
      if (lexigramBackend != null) {
        String source = manager.unwrap(LexigramCacheManager.class).configurationSource();
        if (!source.contains(configFile.getPath())) {
          throw new IllegalStateException(name + ": the manager read its configuration from " + source
              + ", not from " + configFile);
        }
      }
      MutableConfiguration<String, byte[]> configuration = new MutableConfiguration<String, byte[]>()
          .setTypes(String.class, byte[].class)
          .setStoreByValue(true)
          .setStatisticsEnabled(false)
          .setManagementEnabled(false)
          .setExpiryPolicyFactory(EternalExpiryPolicy.factoryOf());
      Cache<String, byte[]> cache = manager.createCache(CACHE_NAME, configuration);
      @SuppressWarnings("unchecked")
      CompleteConfiguration<String, byte[]> actual = cache.getConfiguration(CompleteConfiguration.class);
      if (actual.isStatisticsEnabled()) {
        throw new IllegalStateException(name + ": the provider did not apply the configuration (statistics on)");
      }
      if (lexigramBackend != null) {
        @SuppressWarnings("unchecked")
        LexigramConfiguration<String, byte[]> lexigram = cache.getConfiguration(LexigramConfiguration.class);
        if (!lexigramBackend.equals(lexigram.getBackend())) {
          throw new IllegalStateException(name + ": cache '" + CACHE_NAME + "' landed on backend '"
              + lexigram.getBackend() + "', not on '" + lexigramBackend + "'");
        }
      }
      return new RemoteJCacheCandidate(manager, cache);
    } catch (RuntimeException | Error e) {
      manager.close();
      throw e;
    }
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
  public Map<String, byte[]> getAll(KeyGroup group) {
    return cache.getAll(group.set());
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
