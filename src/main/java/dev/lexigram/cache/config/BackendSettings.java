package dev.lexigram.cache.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * One validated entry of {@code cache.backends}: a store that is also a {@code javax.cache.Cache}
 * of the same name. Instances produced by {@link ConfigLoader} have passed every check described
 * there; the constructor itself only rejects nulls and out-of-range numbers.
 *
 * <p>{@link #toString()} masks the password and any password inside {@code url}.
 *
 * @param name the backend's unique name; non-null, not blank
 * @param type the store behind it; non-null
 * @param isDefault whether caches without an explicit backend live here
 * @param maxSize maximum entry count (memory only); null means unbounded
 * @param defaultTtl time to live of entries written without one; null means no expiry
 * @param url the Redis URL ({@code redis://}, {@code rediss://}, {@code redis-sentinel://},
 *     {@code rediss-sentinel://}); null for other types
 * @param keyPrefix namespace prepended to every key this backend writes; null for none
 * @param servers memcached {@code host:port} addresses; empty for other types; non-null
 * @param username user name for Redis ACL or memcached SASL; nullable
 * @param password password for Redis or memcached SASL; nullable
 * @param timeout operation timeout; non-null, positive (default 2 s)
 * @param trustStore a PEM file of CA certificates that {@code rediss://} trusts; null for the
 *     JVM's default trust store
 * @param replicaAcks how many replicas must confirm each Redis write ({@code WAIT}) before it
 *     counts as done; 0 (the default) waits for none; not negative
 * @param nearCache the near cache of every cache on this backend (Redis and memcached); null for none
 */
public record BackendSettings(
    String name,
    BackendType type,
    boolean isDefault,
    Long maxSize,
    Duration defaultTtl,
    String url,
    String keyPrefix,
    List<String> servers,
    String username,
    String password,
    Duration timeout,
    java.nio.file.Path trustStore,
    int replicaAcks,
    NearCacheSettings nearCache) {

  /** The operation timeout used when {@code timeout} is not configured. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if name, type, servers or timeout is null
   * @throws IllegalArgumentException if name is blank, maxSize is negative, or defaultTtl or
   *     timeout is not positive
   */
  public BackendSettings {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    servers = List.copyOf(servers);
    requireNonNull(timeout, "timeout");
    if (name.isBlank()) {
      throw new IllegalArgumentException("backend name is blank");
    }
    if (maxSize != null && maxSize < 0) {
      throw new IllegalArgumentException("maxSize is negative: " + maxSize);
    }
    if (defaultTtl != null && (defaultTtl.isNegative() || defaultTtl.isZero())) {
      throw new IllegalArgumentException("defaultTtl is not positive: " + defaultTtl);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout is not positive: " + timeout);
    }
    if (replicaAcks < 0) {
      throw new IllegalArgumentException("replicaAcks is negative: " + replicaAcks);
    }
  }

  /** Creates settings without a near cache. */
  public BackendSettings(String name, BackendType type, boolean isDefault, Long maxSize, Duration defaultTtl,
      String url, String keyPrefix, List<String> servers, String username, String password, Duration timeout,
      java.nio.file.Path trustStore, int replicaAcks) {
    this(name, type, isDefault, maxSize, defaultTtl, url, keyPrefix, servers, username, password, timeout, trustStore,
        replicaAcks, null);
  }

  /** Creates settings that wait for no replica acknowledgement. */
  public BackendSettings(String name, BackendType type, boolean isDefault, Long maxSize, Duration defaultTtl,
      String url, String keyPrefix, List<String> servers, String username, String password, Duration timeout,
      java.nio.file.Path trustStore) {
    this(name, type, isDefault, maxSize, defaultTtl, url, keyPrefix, servers, username, password, timeout, trustStore, 0);
  }

  /** Creates settings without a trust store of their own (the JVM's default is used). */
  public BackendSettings(String name, BackendType type, boolean isDefault, Long maxSize, Duration defaultTtl,
      String url, String keyPrefix, List<String> servers, String username, String password, Duration timeout) {
    this(name, type, isDefault, maxSize, defaultTtl, url, keyPrefix, servers, username, password, timeout, null);
  }

  /** Returns the URL with its password replaced by {@code ***}, for logs and errors; null when there is no URL. */
  public String maskedUrl() {
    return Secrets.maskUrl(url);
  }

  /** Returns a description with the password and any password inside the URL masked; never null. */
  @Override
  public String toString() {
    return "BackendSettings[name=" + name + ", type=" + type + ", isDefault=" + isDefault
        + ", maxSize=" + maxSize + ", defaultTtl=" + defaultTtl + ", url=" + Secrets.maskUrl(url)
        + ", keyPrefix=" + keyPrefix + ", servers=" + servers + ", username=" + username
        + ", password=" + (password == null ? null : Secrets.MASK) + ", timeout=" + timeout
        + ", trustStore=" + trustStore + ", replicaAcks=" + replicaAcks + ", nearCache=" + nearCache + "]";
  }
}
