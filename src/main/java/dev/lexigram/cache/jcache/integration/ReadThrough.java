package dev.lexigram.cache.jcache.integration;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;

/**
 * Calls the cache's {@link CacheLoader} and gives its failures the type the spec prescribes:
 * a {@link CacheLoaderException} passes as it is, any other exception is wrapped in one.
 */
public final class ReadThrough<K, V> {

  private final CacheLoader<K, V> loader;

  public ReadThrough(CacheLoader<K, V> loader) {
    this.loader = loader;
  }

  public CacheLoader<K, V> loader() {
    return loader;
  }

  /** Returns the loaded value, or null if the loader has none. */
  public V load(K key) {
    try {
      return loader.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("The cache loader failed to load key " + key + ": " + e, e);
    }
  }

  /** Returns the loaded entries without null keys or values. */
  public Map<K, V> loadAll(Set<? extends K> keys) {
    Map<K, V> loaded;
    try {
      loaded = loader.loadAll(keys);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("The cache loader failed to load " + keys.size() + " keys: " + e, e);
    }
    Map<K, V> result = new HashMap<>();
    if (loaded != null) {
      loaded.forEach((key, value) -> {
        if (key != null && value != null) {
          result.put(key, value);
        }
      });
    }
    return result;
  }
}
