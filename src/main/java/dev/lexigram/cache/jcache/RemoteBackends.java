package dev.lexigram.cache.jcache;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.StoreBackend;
import javax.cache.CacheException;

/**
 * Opens the remote backends. Each remote backend package has one public entry point whose
 * signature names no client class, so this class links only when such a backend is configured.
 */
final class RemoteBackends {

  private RemoteBackends() {}

  static StoreBackend redis(BackendSettings settings, Serializer serializer) {
    try {
      return dev.lexigram.cache.backend.redis.RedisStores.backend(settings, serializer);
    } catch (dev.lexigram.cache.store.StoreException e) {
      throw new CacheException("Backend '" + settings.name() + "' cannot be opened (" + e.kind() + "): "
          + e.getMessage(), e);
    }
  }

  static StoreBackend memcached(BackendSettings settings, Serializer serializer) {
    return dev.lexigram.cache.backend.memcached.MemcachedStores.backend(settings, serializer);
  }
}
