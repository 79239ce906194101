package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.StoreBackend;

/**
 * Opens memcached backends; the one public entry point of this package. Its signature names no
 * spymemcached type, so this package links only when a memcached backend is configured.
 */
public final class MemcachedStores {

  private MemcachedStores() {}

  /**
   * Returns a backend on the configured servers, with two spymemcached clients (one for plain reads,
   * see {@code ClientSetup}) shared by its stores.
   *
   * @param settings a validated memcached backend: {@code servers}, optional SASL credentials,
   *     {@code timeout} and {@code key_prefix}
   * @param serializer writes values and non-String keys
   * @throws dev.lexigram.cache.store.StoreException CONNECTION if a server name cannot be resolved,
   *     a server answers but is not memcached, refuses the SASL login, requires one the settings
   *     lack or has no SASL while they have credentials, or the client cannot start
   */
  public static StoreBackend backend(BackendSettings settings, Serializer serializer) {
    SpyLogging.routeToSlf4j();
    return new MemcachedBackend(settings, serializer);
  }
}
