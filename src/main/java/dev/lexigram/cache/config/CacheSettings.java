package dev.lexigram.cache.config;


import java.time.Duration;
import java.util.List;
import static java.util.Objects.requireNonNull;

/**
 * One validated entry of {@code cache.caches}: a named cache mapped onto a backend, with its own
 * settings. YAML: {@code caches: { products: { backend: shared, default_ttl: 300 } }}.
 *
 * @param name the cache name (the key under {@code caches:}); non-null, not blank
 * @param backend the backend it lives on; null means the default backend
 * @param defaultTtl time to live of entries written without one; null means the backend's
 *     default (which may itself be none)
 * @param maxSize maximum entry count (memory backends only); null means the backend's bound
 * @param statistics whether JCache statistics are enabled (default false)
 * @param management whether the configuration MXBean is registered (default false)
 * @param storeByValue true for store-by-value, false for store-by-reference (memory only);
 *     null means the JCache default (by value)
 * @param tags the tags every entry of the cache carries (see {@code Tags}); non-null, empty by default
 * @param nearCache this cache's near cache in place of its backend's (disabled to turn the backend's
 *     off); null to take the backend's
 */
public record CacheSettings(
    String name,
    String backend,
    Duration defaultTtl,
    Long maxSize,
    boolean statistics,
    boolean management,
    Boolean storeByValue,
    List<String> tags,
    NearCacheSettings nearCache) {

  /** Settings of a cache that takes its backend's near cache. */
  public CacheSettings(String name, String backend, Duration defaultTtl, Long maxSize, boolean statistics,
      boolean management, Boolean storeByValue, List<String> tags) {
    this(name, backend, defaultTtl, maxSize, statistics, management, storeByValue, tags, null);
  }

  /** Settings of a cache whose entries carry no tags of its own. */
  public CacheSettings(String name, String backend, Duration defaultTtl, Long maxSize, boolean statistics,
      boolean management, Boolean storeByValue) {
    this(name, backend, defaultTtl, maxSize, statistics, management, storeByValue, List.of());
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if name is null
   * @throws IllegalArgumentException if name is blank, maxSize is negative or defaultTtl is not
   *     positive
   */
  public CacheSettings {
    requireNonNull(name, "name");
    tags = List.copyOf(tags);
    if (name.isBlank()) {
      throw new IllegalArgumentException("cache name is blank");
    }
    if (maxSize != null && maxSize < 0) {
      throw new IllegalArgumentException("maxSize is negative: " + maxSize);
    }
    if (defaultTtl != null && (defaultTtl.isNegative() || defaultTtl.isZero())) {
      throw new IllegalArgumentException("defaultTtl is not positive: " + defaultTtl);
    }
  }
}
