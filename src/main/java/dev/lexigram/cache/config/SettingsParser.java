package dev.lexigram.cache.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lexigram.cache.tag.InvalidTagException;
import dev.lexigram.cache.tag.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the {@code cache:} tree into typed settings, key by key: unknown keys, wrong types and
 * out-of-range numbers fail here, in file order. Rules that relate keys to one another are
 * {@link SettingsValidator}'s. A single backend becomes the default without saying so.
 */
final class SettingsParser {
  static final String MAX_SIZE_FIX =
      "set a positive entry count, or remove the key for an unbounded cache";
  static final String TTL_FIX =
      "set a positive duration such as 300, 30s or 5m, or remove the key for no expiry";
  static final String TIMEOUT_FIX =
      "set a positive duration such as 2s or 500ms, or remove the key for the default of 2s";
  static final String REPLICA_ACKS_FIX =
      "set how many replicas must confirm each write, e.g. 1, or 0 (the default) to wait for none";
  /** More replicas than this per master is not a configuration anyone runs; it is a typo. */
  static final long MAX_REPLICA_ACKS = 1_000;
  static final String PROTECTION_FIX = "write a duration such as 10s, 500ms or PT30S";
  static final String NEAR_SIZE_FIX = "set a positive entry count such as 10000 (the default)";
  static final String NEAR_TTL_FIX = "set a positive duration such as 30s (the default) or 5m";
  static final String BREAKER_THRESHOLD_FIX =
      "set how many consecutive connection failures open the circuit, e.g. 5 (the default)";
  static final String COMPRESSION_FIX =
      "set a size in bytes such as 1024, or remove the key to never compress";

  private final ConfigErrors errors;

  SettingsParser(ConfigErrors errors) {
    this.errors = errors;
  }

  ParsedSettings parse(ObjectNode cache) {
    Section root = Section.read(cache, YamlDocument.ROOT_KEY, Reference.ROOT, errors);
    List<BackendSettings> backends = backends(root);
    Map<String, CacheSettings> caches = caches(root);
    Section service =
        Section.read(root.value("service"), root.path("service"), Reference.SERVICE, errors);
    Environment environment = root.choice("environment", Environment.class, "environment");
    return new ParsedSettings(backends, caches, service(service),
        Objects.requireNonNullElse(environment, Environment.DEVELOPMENT), new SemanticParser(errors).parse(root, backends));
  }

  private List<BackendSettings> backends(Section root) {
    String path = root.path("backends");
    JsonNode list = root.value("backends");
    if (list == null || !list.isArray()) {
      throw errors.at(path, "expected a list of backends, got "
          + (list == null ? "null" : Scalars.describe(path, list)),
          "write each backend as a list item starting with '- name: …', or remove the key for the"
              + " built-in memory backend");
    }
    if (list.isEmpty()) {
      throw errors.at(path, "no backends declared",
          "declare at least one backend, or remove the key for the built-in memory backend");
    }
    var backends = new ArrayList<BackendSettings>();
    for (int i = 0; i < list.size(); i++) {
      Section section = Section.read(list.get(i), path + "[" + i + "]", Reference.BACKEND, errors);
      backends.add(backend(section));
    }
    if (backends.size() == 1 && !backends.get(0).isDefault()) {
      backends.set(0, asDefault(backends.get(0)));
    }
    return backends;
  }

  private BackendSettings backend(Section s) {
    String name = s.requiredText("name", "give the backend a unique name, e.g. name: local");
    BackendType type = s.choice("type", BackendType.class, "backend type");
    if (type == null) {
      throw errors.at(s.path("type"), "missing required key 'type'",
          "add type: with one of " + String.join(", ", Section.names(BackendType.class)));
    }
    Duration timeout = s.period("timeout", TIMEOUT_FIX);
    return new BackendSettings(name, type, s.flag("default", false),
        s.count("max_size", MAX_SIZE_FIX), s.period("default_ttl", TTL_FIX), s.text("url"),
        s.text("key_prefix"), s.texts("servers"), s.text("username"), s.text("password"),
        timeout == null ? BackendSettings.DEFAULT_TIMEOUT : timeout, trustStore(s), replicaAcks(s),
        enabledOnly(nearCache(s, false)));
  }

  /**
   * Reads {@code near_cache}: null when absent; a present section is on unless it says enabled:
   * false. A cache's own section may not set {@code heartbeat}: that is the backend's invalidation
   * connection's, shared by all its caches.
   */
  private NearCacheSettings nearCache(Section owner, boolean ofACache) {
    JsonNode node = owner.value("near_cache");
    if (node == null || node.isNull()) {
      return null;
    }
    Section s = Section.read(node, owner.path("near_cache"), Reference.NEAR_CACHE, errors);
    if (ofACache && s.has("heartbeat")) {
      throw errors.at(s.path("heartbeat"), "heartbeat is a setting of the backend's invalidation connection,"
          + " which all its near-cached caches share", "set it under the backend's near_cache, or remove it here");
    }
    Long maxSize = s.count("max_size", NEAR_SIZE_FIX);
    if (maxSize != null && maxSize == 0) {
      throw errors.at(s.path("max_size"), "must be positive, got 0", NEAR_SIZE_FIX);
    }
    Duration maxTtl = s.period("max_ttl", NEAR_TTL_FIX);
    Duration heartbeat = s.period("heartbeat", "write a duration such as 1s (the default) or 500ms");
    return new NearCacheSettings(s.flag("enabled", true),
        maxSize == null ? NearCacheSettings.DEFAULT_MAX_SIZE : maxSize,
        maxTtl == null ? NearCacheSettings.DEFAULT_MAX_TTL : maxTtl,
        heartbeat == null ? NearCacheSettings.DEFAULT_HEARTBEAT : heartbeat);
  }

  /** A backend's near cache that says enabled: false is the same as none. */
  private static NearCacheSettings enabledOnly(NearCacheSettings near) {
    return near == null || !near.enabled() ? null : near;
  }

  private int replicaAcks(Section s) {
    Long count = s.count("replica_acks", REPLICA_ACKS_FIX);
    if (count == null) {
      return 0;
    }
    if (count > MAX_REPLICA_ACKS) {
      throw errors.at(s.path("replica_acks"), "replica_acks is " + count + ", more replicas than Redis can have",
          REPLICA_ACKS_FIX);
    }
    return count.intValue();
  }

  private java.nio.file.Path trustStore(Section s) {
    String text = s.text("trust_store");
    if (text == null) {
      return null;
    }
    java.nio.file.Path path = java.nio.file.Path.of(text.startsWith("file:") ? text.substring(5) : text);
    if (!java.nio.file.Files.isReadable(path)) {
      throw errors.at(s.path("trust_store"), "no readable file at " + path.toAbsolutePath(),
          "point trust_store at a PEM file of the CA certificates your Redis server's certificate chains to");
    }
    return path;
  }

  private static BackendSettings asDefault(BackendSettings b) {
    return new BackendSettings(b.name(), b.type(), true, b.maxSize(), b.defaultTtl(), b.url(),
        b.keyPrefix(), b.servers(), b.username(), b.password(), b.timeout(), b.trustStore(), b.replicaAcks(),
        b.nearCache());
  }

  private Map<String, CacheSettings> caches(Section root) {
    String path = root.path("caches");
    JsonNode map = root.value("caches");
    var caches = new LinkedHashMap<String, CacheSettings>();
    if (map == null) {
      return caches;
    }
    if (!map.isObject()) {
      throw errors.at(path, "expected a mapping from cache names to settings, got "
          + Scalars.describe(path, map), "write caches: { products: { backend: shared, default_ttl: 300 } }");
    }
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      String name = entry.getKey();
      if (name.isBlank()) {
        throw errors.at(path + ".''", "a cache name is blank", "give the cache a name");
      }
      Section section = Section.read(entry.getValue(), path + "." + name, Reference.CACHE, errors);
      caches.put(name, cache(name, section));
    }
    return caches;
  }

  private CacheSettings cache(String name, Section s) {
    List<String> tags = s.texts("tags");
    try {
      Tags.of(tags);
    } catch (InvalidTagException e) {
      throw errors.at(s.path("tags"), e.getMessage(), "write tags: [catalog, pricing]");
    }
    return new CacheSettings(name, s.text("backend"), s.period("default_ttl", TTL_FIX),
        s.count("max_size", MAX_SIZE_FIX), s.flag("statistics", false), s.flag("management", false),
        s.optionalFlag("store_by_value"), tags, nearCache(s, true));
  }

  private ServiceSettings service(Section s) {
    ServiceSettings defaults = ServiceSettings.defaults();
    SerializerKind serializer = s.choice("serializer", SerializerKind.class, "serializer");
    Long threshold = s.count("compression_threshold", COMPRESSION_FIX);
    Duration tagStaleness = s.span("tag_staleness", "write a duration such as 100ms or 1s, or 0 to read tag versions"
        + " on every read of a tagged entry");
    if (threshold != null && threshold > Integer.MAX_VALUE) {
      throw errors.at(s.path("compression_threshold"),
          "must be at most " + Integer.MAX_VALUE + ", got " + threshold, COMPRESSION_FIX);
    }
    return new ServiceSettings(
        serializer == null ? defaults.serializer() : serializer,
        s.flag("enable_protection", defaults.enableProtection()),
        s.texts("allowed_types"), s.texts("signing_keys"),
        threshold == null ? null : threshold.intValue(),
        protection(Section.read(s.value("protection"), s.path("protection"), Reference.PROTECTION, errors)),
        tagStaleness == null ? ServiceSettings.DEFAULT_TAG_STALENESS : tagStaleness,
        circuitBreaker(Section.read(s.value("circuit_breaker"), s.path("circuit_breaker"), Reference.CIRCUIT_BREAKER,
            errors)),
        admin(Section.read(s.value("admin"), s.path("admin"), Reference.ADMIN, errors)));
  }

  private AdminSettings admin(Section s) {
    AdminSettings defaults = AdminSettings.defaults();
    Long port = s.count("port", "set a port such as 9190 (the default), or 0 for a free one");
    if (port != null && port > 65_535) {
      throw errors.at(s.path("port"), "must be at most 65535, got " + port, "set a port such as 9190");
    }
    String bind = s.text("bind");
    AdminSettings admin = new AdminSettings(s.flag("enabled", false), bind == null ? defaults.bind() : bind.trim(),
        port == null ? defaults.port() : port.intValue(), s.text("token"));
    if (admin.enabled() && !admin.bindsLoopback() && (admin.token() == null || admin.token().length() < 16)) {
      throw errors.at(s.path("token"), "the status page binds " + admin.bind() + ", beyond this host, without a token"
          + " of at least 16 characters", "set token: ${LEX_CACHE_ADMIN_TOKEN} (at least 16 characters), or bind"
          + " 127.0.0.1");
    }
    return admin;
  }

  private CircuitBreakerSettings circuitBreaker(Section s) {
    Long threshold = s.count("threshold", BREAKER_THRESHOLD_FIX);
    if (threshold != null && (threshold == 0 || threshold > Integer.MAX_VALUE)) {
      throw errors.at(s.path("threshold"), "must be between 1 and " + Integer.MAX_VALUE + ", got " + threshold,
          BREAKER_THRESHOLD_FIX);
    }
    Duration resetAfter = s.period("reset_after", "write a duration such as 1s (the default) or 500ms");
    return new CircuitBreakerSettings(s.flag("enabled", false),
        threshold == null ? CircuitBreakerSettings.DEFAULT_THRESHOLD : threshold.intValue(),
        resetAfter == null ? CircuitBreakerSettings.DEFAULT_RESET_AFTER : resetAfter);
  }

  private ProtectionSettings protection(Section s) {
    ProtectionSettings defaults = ProtectionSettings.defaults();
    Duration maxWait = s.period("max_wait", PROTECTION_FIX);
    Duration lockTtl = s.period("lock_ttl", PROTECTION_FIX);
    ProtectionSettings.OnTimeout onTimeout = s.choice("on_timeout", ProtectionSettings.OnTimeout.class, "on_timeout");
    Double beta = s.nonNegative("beta", "write 1 (the default), a larger number to recompute earlier, or 0 to turn"
        + " early recomputation off");
    return new ProtectionSettings(
        maxWait == null ? defaults.maxWait() : maxWait,
        lockTtl == null ? defaults.lockTtl() : lockTtl,
        onTimeout == null ? defaults.onTimeout() : onTimeout,
        beta == null ? defaults.beta() : beta);
  }
}
