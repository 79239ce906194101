package dev.lexigram.cache.config;

import java.util.List;
import java.util.Map;

/**
 * Checks {@code cache.caches} against the backends: a cache must not take a backend's name (each
 * backend already is a cache of its name), must name a declared backend, and may use
 * {@code max_size} or {@code store_by_value: false} only on a memory backend, and
 * {@code near_cache} only on a remote one.
 */
final class CacheRules {
  private final ConfigErrors errors;
  private final List<BackendSettings> backends;
  private final Map<String, BackendSettings> byName;

  CacheRules(ConfigErrors errors, List<BackendSettings> backends) {
    this.errors = errors;
    this.backends = backends;
    this.byName = SettingsValidator.byName(backends);
  }

  void check(Map<String, CacheSettings> caches) {
    caches.values().forEach(this::check);
  }

  private void check(CacheSettings cache) {
    String path = "cache.caches." + cache.name();
    if (byName.containsKey(cache.name())) {
      throw errors.at(path, "'" + cache.name() + "' is already a cache: every backend is a cache of its own"
          + " name", "rename the cache, or put its settings (default_ttl, max_size) on the backend itself");
    }
    BackendSettings backend = backend(cache, path);
    if (cache.maxSize() != null && backend.type() != BackendType.MEMORY) {
      throw errors.at(path + ".max_size", "max_size applies only to caches on memory backends, but '"
          + backend.name() + "' is " + BackendRules.name(backend.type()),
          "remove max_size, or move the cache to a memory backend");
    }
    if (cache.nearCache() != null && cache.nearCache().enabled() && backend.type() == BackendType.MEMORY) {
      throw errors.at(path + ".near_cache", "a near cache applies only to caches on redis and memcached backends,"
          + " but '" + backend.name() + "' is memory", "remove near_cache: a memory backend already answers from local"
          + " memory, or move the cache to a redis or memcached backend");
    }
    if (Boolean.FALSE.equals(cache.storeByValue()) && backend.type() != BackendType.MEMORY) {
      throw errors.at(path + ".store_by_value", "store-by-reference is offered only on memory "
          + "backends, but '" + backend.name() + "' is " + BackendRules.name(backend.type()),
          "remove store_by_value: false, or move the cache to a memory backend");
    }
  }

  private BackendSettings backend(CacheSettings cache, String path) {
    if (cache.backend() == null) {
      return backends.stream().filter(BackendSettings::isDefault).findFirst().orElseThrow();
    }
    BackendSettings backend = byName.get(cache.backend());
    if (backend == null) {
      String guess = KeySuggester.nearest(cache.backend(), byName.keySet())
          .map(n -> "; did you mean '" + n + "'?").orElse("");
      throw errors.at(path + ".backend", "backend '" + cache.backend() + "' is not declared" + guess,
          "use one of " + SettingsValidator.names(backends)
              + ", or remove the key to use the default backend");
    }
    return backend;
  }
}
