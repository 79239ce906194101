package dev.lexigram.cache;

import java.util.Objects;

/**
 * Why an extension API call failed: a {@link Kind} to branch on, a message that says what went
 * wrong and how to fix it, and the underlying exception.
 *
 * @param kind what kind of failure this is; never null
 * @param message what failed and how to fix it; never null
 * @param cause the exception behind it; null when there is none
 */
public record CacheError(Kind kind, String message, Throwable cause) {

  /** The kinds of failure, stable across backends. */
  public enum Kind {
    /** The backend could not be reached or the connection broke. */
    CONNECTION,
    /** The backend did not answer in time, or the calling thread was interrupted while waiting. */
    TIMEOUT,
    /** A value could not be written or read back (type not allowed, tampered or unsigned payload). */
    SERIALIZATION,
    /** The key (or a pattern of keys) is not acceptable: null, wrong type, or malformed. */
    INVALID_KEY,
    /** The value is larger than the backend accepts, or the backend is full. */
    CAPACITY,
    /** The cache or backend is not set up for this call (closed, or misconfigured). */
    CONFIGURATION,
    /** The call or argument is not supported by this cache (e.g. increment on a non-number). */
    UNSUPPORTED,
    /** Anything else that failed inside the backend or a user callback (loader, writer, listener). */
    BACKEND
  }

  public CacheError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** Returns an error without a cause. */
  public static CacheError of(Kind kind, String message) {
    return new CacheError(kind, message, null);
  }

  @Override
  public String toString() {
    return kind + ": " + message;
  }
}
