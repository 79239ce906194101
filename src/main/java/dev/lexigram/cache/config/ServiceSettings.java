package dev.lexigram.cache.config;


import java.time.Duration;
import java.util.List;
import static java.util.Objects.requireNonNull;

/**
 * The validated {@code cache.service} section: how values are serialized and protected.
 * {@link #toString()} shows how many signing keys there are, never the keys.
 *
 * @param serializer the value serializer; non-null (default {@link SerializerKind#AUTO})
 * @param enableProtection whether stampede protection is on (default true)
 * @param allowedTypes class names or package globs ({@code com.acme.*} for one package,
 *     {@code com.acme.**} for its subpackages too) that deserialization may create; non-null,
 *     empty by default
 * @param signingKeys HMAC secrets, the first one signs and all verify; each is at least 32 bytes
 *     as UTF-8, or {@code base64:}-prefixed and at least 32 bytes decoded; non-null, empty by
 *     default
 * @param compressionThreshold values at least this many bytes long are compressed; null means
 *     never compress
 * @param protection the limits of stampede protection; non-null
 * @param tagStaleness how long a process uses a tag version it read from a remote backend before
 *     reading it again (the longest another process's tag invalidation may go unseen here); zero
 *     or positive, default {@link #DEFAULT_TAG_STALENESS}
 * @param circuitBreaker the circuit breaker of each remote backend; non-null, off by default
 * @param admin the status page; non-null, off by default
 */
public record ServiceSettings(
    SerializerKind serializer,
    boolean enableProtection,
    List<String> allowedTypes,
    List<String> signingKeys,
    Integer compressionThreshold,
    ProtectionSettings protection,
    Duration tagStaleness,
    CircuitBreakerSettings circuitBreaker,
    AdminSettings admin) {

  /** The default {@code tag_staleness}: short enough to be a blink, long enough to spare the round trips. */
  public static final Duration DEFAULT_TAG_STALENESS = Duration.ofMillis(100);

  /**
   * Settings without a status page.
   *
   * @throws NullPointerException as the canonical constructor
   * @throws IllegalArgumentException as the canonical constructor
   */
  public ServiceSettings(SerializerKind serializer, boolean enableProtection, List<String> allowedTypes,
      List<String> signingKeys, Integer compressionThreshold, ProtectionSettings protection, Duration tagStaleness,
      CircuitBreakerSettings circuitBreaker) {
    this(serializer, enableProtection, allowedTypes, signingKeys, compressionThreshold, protection, tagStaleness,
        circuitBreaker, AdminSettings.defaults());
  }

  /**
   * Settings without a circuit breaker.
   *
   * @throws NullPointerException as the canonical constructor
   * @throws IllegalArgumentException as the canonical constructor
   */
  public ServiceSettings(SerializerKind serializer, boolean enableProtection, List<String> allowedTypes,
      List<String> signingKeys, Integer compressionThreshold, ProtectionSettings protection, Duration tagStaleness) {
    this(serializer, enableProtection, allowedTypes, signingKeys, compressionThreshold, protection, tagStaleness,
        CircuitBreakerSettings.defaults());
  }

  /**
   * Settings with the default {@code tag_staleness}.
   *
   * @throws NullPointerException as the canonical constructor
   * @throws IllegalArgumentException as the canonical constructor
   */
  public ServiceSettings(SerializerKind serializer, boolean enableProtection, List<String> allowedTypes,
      List<String> signingKeys, Integer compressionThreshold, ProtectionSettings protection) {
    this(serializer, enableProtection, allowedTypes, signingKeys, compressionThreshold, protection,
        DEFAULT_TAG_STALENESS);
  }

  /**
   * Settings with the default {@link ProtectionSettings}.
   *
   * @throws NullPointerException as the canonical constructor
   * @throws IllegalArgumentException as the canonical constructor
   */
  public ServiceSettings(SerializerKind serializer, boolean enableProtection, List<String> allowedTypes,
      List<String> signingKeys, Integer compressionThreshold) {
    this(serializer, enableProtection, allowedTypes, signingKeys, compressionThreshold, ProtectionSettings.defaults());
  }

  /**
   * Checks and copies the components.
   *
   * @throws NullPointerException if serializer, allowedTypes or signingKeys is (or contains) null
   * @throws IllegalArgumentException if compressionThreshold is negative
   */
  public ServiceSettings {
    requireNonNull(serializer, "serializer");
    requireNonNull(protection, "protection");
    requireNonNull(tagStaleness, "tagStaleness");
    requireNonNull(circuitBreaker, "circuitBreaker");
    requireNonNull(admin, "admin");
    if (tagStaleness.isNegative()) {
      throw new IllegalArgumentException("tagStaleness is negative: " + tagStaleness);
    }
    allowedTypes = List.copyOf(allowedTypes);
    signingKeys = List.copyOf(signingKeys);
    if (compressionThreshold != null && compressionThreshold < 0) {
      throw new IllegalArgumentException("compressionThreshold is negative: " + compressionThreshold);
    }
  }

  /**
   * Returns the settings used when {@code cache.service} is absent: AUTO, protection on, no
   * allowed types, no signing keys, no compression; never null.
   */
  public static ServiceSettings defaults() {
    return new ServiceSettings(SerializerKind.AUTO, true, List.of(), List.of(), null);
  }

  /** Returns a description that counts the signing keys instead of showing them; never null. */
  @Override
  public String toString() {
    return "ServiceSettings[serializer=" + serializer + ", enableProtection=" + enableProtection
        + ", allowedTypes=" + allowedTypes + ", signingKeys=" + signingKeys.size() + " key(s)"
        + ", compressionThreshold=" + compressionThreshold + ", protection=" + protection + ", tagStaleness=" + tagStaleness
        + ", circuitBreaker=" + circuitBreaker + ", admin=" + admin + "]";
  }
}
