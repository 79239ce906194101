package dev.lexigram.cache.jcache;

import dev.lexigram.cache.serial.Copier;
import dev.lexigram.cache.serial.SerializationException;
import javax.cache.CacheException;

/**
 * The copier of a store-by-value cache: it turns a serializer failure into the
 * {@link CacheException} the JCache API promises, naming the cache and keeping the serializer's
 * message (what failed and how to fix it) and the {@link SerializationException} as the cause.
 */
final class StoreByValueCopier implements Copier {

  private final String cacheName;
  private final Copier delegate;

  StoreByValueCopier(String cacheName, Copier delegate) {
    this.cacheName = cacheName;
    this.delegate = delegate;
  }

  @Override
  public <T> T copy(T value) {
    try {
      return delegate.copy(value);
    } catch (SerializationException e) {
      throw new CacheException("Cache '" + cacheName + "' stores by value and could not copy a "
          + value.getClass().getName() + ": " + e.getMessage(), e);
    }
  }
}
