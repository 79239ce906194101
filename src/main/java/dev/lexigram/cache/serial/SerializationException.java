package dev.lexigram.cache.serial;

import java.util.Objects;

/**
 * Thrown when a value cannot be written or a payload cannot be read. The message says what failed
 * and how to fix it; the underlying failure, if any, is kept as the cause.
 */
public final class SerializationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why serialization failed. */
  public enum Reason {
    /** The value's class cannot be written (or read back) by the chosen format. */
    NOT_WRITABLE,
    /** The value or payload names a class that is not on the allowlist. */
    TYPE_NOT_ALLOWED,
    /** The payload is not one this serializer wrote: truncated, foreign, or over a limit. */
    CORRUPT,
    /** Signing is on and the payload carries no signature. */
    UNSIGNED,
    /** Signing is on and the payload's signature matches none of the keys. */
    TAMPERED,
    /** The chosen format needs a library that is not on the class path. */
    MISSING_DEPENDENCY
  }

  /** Why serialization failed; never null. */
  private final Reason reason;

  /**
   * Creates an exception without a cause.
   *
   * @param reason why it failed; never null
   * @param message what failed and how to fix it; never null
   * @throws NullPointerException if {@code reason} or {@code message} is null
   */
  public SerializationException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * Creates an exception keeping the underlying failure.
   *
   * @param reason why it failed; never null
   * @param message what failed and how to fix it; never null
   * @param cause the underlying failure; may be null
   * @throws NullPointerException if {@code reason} or {@code message} is null
   */
  public SerializationException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns why serialization failed.
   *
   * @return the reason, never null
   */
  public Reason reason() {
    return reason;
  }
}
