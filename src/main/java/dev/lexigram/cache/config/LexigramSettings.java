package dev.lexigram.cache.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole validated configuration of one cache manager, as returned by {@link ConfigLoader}.
 * Lists and maps are immutable; {@link #caches()} keeps the order of the file.
 *
 * @param source where it came from: {@code classpath:lexigram-cache.yaml}, {@code file:/…} or
 *     {@code built-in default}; non-null
 * @param backends the declared backends in file order; non-null, at least one, names unique,
 *     exactly one marked default
 * @param caches the declared caches by name, in file order; non-null
 * @param service serialization and protection settings; non-null
 * @param environment the deployment stage; non-null
 * @param semantic the declared semantic caches by name, in file order; non-null
 */
public record LexigramSettings(
    String source,
    List<BackendSettings> backends,
    Map<String, CacheSettings> caches,
    ServiceSettings service,
    Environment environment,
    Map<String, SemanticSettings> semantic) {

  /** The {@link #source()} of settings that were not read from a file. */
  static final String BUILT_IN_SOURCE = "built-in default";

  /** The name of the backend used when no backends are configured. */
  static final String DEFAULT_BACKEND_NAME = "default";

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if there are no backends, two share a name, or not exactly
   *     one is the default
   */
  public LexigramSettings {
    requireNonNull(source, "source");
    backends = List.copyOf(backends);
    caches = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(caches, "caches")));
    requireNonNull(service, "service");
    requireNonNull(environment, "environment");
    semantic = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(semantic, "semantic")));
    if (backends.isEmpty()) {
      throw new IllegalArgumentException("no backends");
    }
    var names = new HashSet<String>();
    backends.forEach(b -> {
      if (!names.add(b.name())) {
        throw new IllegalArgumentException("duplicate backend name: " + b.name());
      }
    });
    long defaults = backends.stream().filter(BackendSettings::isDefault).count();
    if (defaults != 1) {
      throw new IllegalArgumentException("expected exactly one default backend, got " + defaults);
    }
  }

  /** Settings without semantic caches. */
  public LexigramSettings(String source, List<BackendSettings> backends, Map<String, CacheSettings> caches,
      ServiceSettings service, Environment environment) {
    this(source, backends, caches, service, environment, Map.of());
  }

  /**
   * Returns the built-in configuration: one unbounded memory backend named {@code default}
   * without expiry, no declared caches, default service settings, development; never null.
   */
  public static LexigramSettings defaults() {
    var backend = new BackendSettings(DEFAULT_BACKEND_NAME, BackendType.MEMORY, true, null, null,
        null, null, List.of(), null, null, BackendSettings.DEFAULT_TIMEOUT);
    return new LexigramSettings(BUILT_IN_SOURCE, List.of(backend), Map.of(),
        ServiceSettings.defaults(), Environment.DEVELOPMENT);
  }

  /** Returns the backend that caches without an explicit backend live on; never null. */
  public BackendSettings defaultBackend() {
    return backends.stream().filter(BackendSettings::isDefault).findFirst().orElseThrow();
  }

  /**
   * Returns the backend with the given name, or empty if none is declared.
   *
   * @param name the backend name (case-sensitive); non-null
   * @throws NullPointerException if name is null
   */
  public Optional<BackendSettings> backend(String name) {
    requireNonNull(name, "name");
    return backends.stream().filter(b -> b.name().equals(name)).findFirst();
  }
}
