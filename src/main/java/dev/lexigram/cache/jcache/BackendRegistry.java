package dev.lexigram.cache.jcache;

import dev.lexigram.cache.backend.memory.MemoryStores;
import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.CacheException;

/**
 * The manager's open backends: one {@link StoreBackend} per configured backend, opened on the
 * first cache that needs it and closed with the manager. Remote backends are reached through
 * their own package's entry point, so a missing client jar matters only when one is configured.
 */
final class BackendRegistry implements AutoCloseable {

  private final Serializer serializer;
  private final Map<String, StoreBackend> open = new ConcurrentHashMap<>();

  BackendRegistry(Serializer serializer) {
    this.serializer = serializer;
  }

  StoreBackend backend(BackendSettings settings) {
    try {
      return open.computeIfAbsent(settings.name(), name -> openBackend(settings));
    } catch (StoreException e) {
      throw new CacheException("Cannot open backend '" + settings.name() + "' (" + e.kind() + "): " + e.getMessage(), e);
    }
  }

  private StoreBackend openBackend(BackendSettings settings) {
    switch (settings.type()) {
      case MEMORY:
        return MemoryStores.backend();
      case REDIS:
        return RemoteBackends.redis(settings, serializer);
      case MEMCACHED:
        return RemoteBackends.memcached(settings, serializer);
      default:
        throw new CacheException("Unknown backend type " + settings.type());
    }
  }

  @Override
  public void close() {
    Closer closer = new Closer("backends");
    open.values().forEach(backend -> closer.run(backend::close));
    open.clear();
    closer.finish();
  }
}
