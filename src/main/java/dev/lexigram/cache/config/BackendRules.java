package dev.lexigram.cache.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks one backend against its type: keys that apply only to other types, the Redis URL, the
 * memcached server list, and the client jar the type needs.
 */
final class BackendRules {
  /** Keys that only some types read; anything else applies to every type. */
  private static final Map<String, Set<BackendType>> ONLY_FOR = Map.of(
      "max_size", Set.of(BackendType.MEMORY),
      "url", Set.of(BackendType.REDIS),
      "servers", Set.of(BackendType.MEMCACHED),
      "username", Set.of(BackendType.REDIS, BackendType.MEMCACHED),
      "password", Set.of(BackendType.REDIS, BackendType.MEMCACHED),
      "trust_store", Set.of(BackendType.REDIS),
      "replica_acks", Set.of(BackendType.REDIS),
      "near_cache", Set.of(BackendType.REDIS, BackendType.MEMCACHED));

  private final ConfigErrors errors;
  private final ClassLoader loader;

  BackendRules(ConfigErrors errors, ClassLoader loader) {
    this.errors = errors;
    this.loader = loader;
  }

  /** Checks {@code backend}, declared at {@code path} (e.g. {@code cache.backends[1]}). */
  void check(BackendSettings backend, String path) {
    applies(backend, path, "max_size", backend.maxSize() != null);
    applies(backend, path, "url", backend.url() != null);
    applies(backend, path, "servers", !backend.servers().isEmpty());
    applies(backend, path, "username", backend.username() != null);
    applies(backend, path, "password", backend.password() != null);
    applies(backend, path, "trust_store", backend.trustStore() != null);
    applies(backend, path, "replica_acks", backend.replicaAcks() != 0);
    applies(backend, path, "near_cache", backend.nearCache() != null);
    switch (backend.type()) {
      case REDIS -> redis(backend, path);
      case MEMCACHED -> memcached(backend, path);
      case MEMORY -> { } // no client, no address
    }
  }

  private void applies(BackendSettings backend, String path, String key, boolean isSet) {
    Set<BackendType> types = ONLY_FOR.get(key);
    if (isSet && !types.contains(backend.type())) {
      throw errors.at(path + "." + key, key + " applies only to " + names(types) + " backends, but '"
          + backend.name() + "' is " + name(backend.type()), hint(key));
    }
  }

  private static String hint(String key) {
    return switch (key) {
      case "max_size" -> "remove max_size; bound a remote server's memory on the server (Redis maxmemory, memcached -m)";
      case "near_cache" -> "remove near_cache: a memory backend already answers from local memory";
      default -> "remove " + key + ", or change the backend's type";
    };
  }

  private void redis(BackendSettings backend, String path) {
    if (backend.url() == null) {
      throw errors.at(path + ".url", "a redis backend needs a url", "set url: " + RedisUrl.EXAMPLE);
    }
    try {
      RedisUrl.parse(backend.url());
    } catch (IllegalArgumentException e) {
      throw errors.at(path + ".url", "'" + Secrets.maskUrl(backend.url()) + "' is not a usable Redis URL: "
          + e.getMessage(), "write it as " + RedisUrl.EXAMPLE);
    }
    if (!ClientJar.LETTUCE.isPresent(loader)) {
      throw ClientJar.LETTUCE.missing(errors, path + ".type", "type redis");
    }
  }

  private void memcached(BackendSettings backend, String path) {
    List<String> servers = backend.servers();
    if (servers.isEmpty()) {
      throw errors.at(path + ".servers", "a memcached backend needs servers",
          "set servers: [host:11211, …]");
    }
    for (int i = 0; i < servers.size(); i++) {
      try {
        HostPort.parse(servers.get(i).trim(), true);
      } catch (IllegalArgumentException e) {
        throw errors.at(path + ".servers[" + i + "]", "'" + servers.get(i) + "' is not host:port: "
            + e.getMessage(), "write each server as host:port, e.g. localhost:11211 or [::1]:11211");
      }
    }
    if (!ClientJar.SPYMEMCACHED.isPresent(loader)) {
      throw ClientJar.SPYMEMCACHED.missing(errors, path + ".type", "type memcached");
    }
  }

  static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  private static String names(Set<BackendType> types) {
    return types.stream().sorted().map(BackendRules::name).reduce((a, b) -> a + " and " + b).orElseThrow();
  }
}
