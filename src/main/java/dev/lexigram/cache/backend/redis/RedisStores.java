package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.StoreBackend;

/**
 * Opens Redis backends on Lettuce; the one public entry point of this package. Its signature
 * names no Lettuce type, so this class links only when a redis backend is configured.
 */
public final class RedisStores {

  private RedisStores() {}

  /**
   * Returns a backend connected to the server of {@code settings.url()}: one client and one shared
   * connection for every cache on it, closed with the backend.
   *
   * @param settings a backend of type redis
   * @param serializer writes and reads values and non-String keys
   * @throws dev.lexigram.cache.store.StoreException with kind CONNECTION if the server cannot be
   *     reached or rejects the credentials, CONFIGURATION if the URL cannot be used
   */
  public static StoreBackend backend(BackendSettings settings, Serializer serializer) {
    return RedisBackend.connect(settings, serializer, settings.trustStore());
  }
}
