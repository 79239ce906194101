package dev.lexigram.cache.store;

/**
 * The one failure type a store throws. Backends translate their client's exceptions into it at
 * the store boundary, so no client exception reaches the cache layer; the cache layer maps it to
 * a {@code javax.cache.CacheException} and the extension API to an error result.
 */
public class StoreException extends RuntimeException {

  /** What kind of failure happened, so callers can decide without parsing messages. */
  public enum Kind { CONNECTION, TIMEOUT, SERIALIZATION, INVALID_KEY, CAPACITY, CONFIGURATION, UNSUPPORTED, BACKEND }

  private final Kind kind;

  public StoreException(Kind kind, String message) {
    this(kind, message, null);
  }

  public StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** Returns the kind of failure. */
  public Kind kind() {
    return kind;
  }
}
