package dev.lexigram.cache.jcache;

import dev.lexigram.cache.backend.memory.MemoryStores;
import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.Environment;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.CacheException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager's open backends: one {@link StoreBackend} per configured backend, opened on the
 * first cache that needs it and closed with the manager. Remote backends are reached through
 * their own package's entry point, so a missing client jar matters only when one is configured.
 */
final class BackendRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackendRegistry.class);

  private final Serializer serializer;
  private final LexigramSettings settings;
  private final Map<String, StoreBackend> open = new ConcurrentHashMap<>();

  BackendRegistry(Serializer serializer, LexigramSettings settings) {
    this.serializer = serializer;
    this.settings = settings;
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
        warnIfUnsigned(settings);
        return RemoteBackends.redis(settings, serializer);
      case MEMCACHED:
        warnIfUnsigned(settings);
        return RemoteBackends.memcached(settings, serializer);
      default:
        throw new CacheException("Unknown backend type " + settings.type());
    }
  }

  /** In production, says once per backend what unsigned entries on a shared server expose. */
  private void warnIfUnsigned(BackendSettings backend) {
    if (settings.environment() == Environment.PRODUCTION && settings.service().signingKeys().isEmpty()) {
      LOG.warn("Backend '{}' ({}) runs in production without cache.service.signing_keys: anyone who can write to"
          + " the server can plant entries that this application returns as cached values, and make it create"
          + " objects of the classes it trusts (those it has written, the JDK's value types, known framework keys"
          + " and allowed_types; every other class is refused unread). Fix: set cache.service.signing_keys to a"
          + " secret of at least 32 bytes shared by every process of the application (see docs/security.md)",
          backend.name(), backend.type().name().toLowerCase(Locale.ROOT));
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
