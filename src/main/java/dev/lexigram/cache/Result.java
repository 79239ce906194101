package dev.lexigram.cache;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of an extension API call: {@link Ok} with a value or {@link Err} with a
 * {@link CacheError}. Extension calls return one instead of throwing, so a cache failure is a
 * value the caller handles, never an exception that unwinds a request.
 *
 * On Java 21 and later a result can be taken apart with a pattern switch:
 *
 * <pre>{@code
 * switch (cache.get("k")) {
 *   case Result.Ok<Optional<String>> ok -> use(ok.value());
 *   case Result.Err<Optional<String>> err -> log.warn("cache read failed: {}", err.error());
 * }
 * }</pre>
 *
 * @param <T> the value's type
 */
public sealed interface Result<T> permits Result.Ok, Result.Err {

  /**
   * A success.
   *
   * @param value the value; null only for {@code Result<Void>}
   */
  record Ok<T>(T value) implements Result<T> {}

  /**
   * A failure.
   *
   * @param error why it failed; never null
   */
  record Err<T>(CacheError error) implements Result<T> {
    public Err {
      Objects.requireNonNull(error, "error");
    }
  }

  /** Returns a success holding {@code value}. */
  static <T> Result<T> ok(T value) {
    return new Ok<>(value);
  }

  /** Returns a failure holding {@code error}. */
  static <T> Result<T> err(CacheError error) {
    return new Err<>(error);
  }

  /** Returns whether this is a success. */
  default boolean isOk() {
    return this instanceof Ok;
  }

  /** Returns whether this is a failure. */
  default boolean isErr() {
    return this instanceof Err;
  }

  /**
   * Returns the value of a success.
   *
   * @throws ResultException for a failure, with the error's message and cause
   */
  default T unwrap() {
    if (this instanceof Ok<T> ok) {
      return ok.value();
    }
    CacheError error = ((Err<T>) this).error();
    throw new ResultException(error);
  }

  /** Returns the value of a success, or {@code fallback} for a failure. */
  default T unwrapOr(T fallback) {
    return (this instanceof Ok<T> ok) ? ok.value() : fallback;
  }

  /** Returns the error of a failure, or null for a success. */
  default CacheError error() {
    return (this instanceof Err<T> err) ? err.error() : null;
  }

  /**
   * Returns a success with {@code mapper} applied to the value, or this failure unchanged.
   * An exception from {@code mapper} propagates: it is the caller's code.
   */
  default <U> Result<U> map(Function<? super T, ? extends U> mapper) {
    if (this instanceof Ok<T> ok) {
      return new Ok<>(mapper.apply(ok.value()));
    }
    return new Err<>(((Err<T>) this).error());
  }

  /** Returns {@code mapper}'s result for a success, or this failure unchanged. */
  default <U> Result<U> flatMap(Function<? super T, Result<U>> mapper) {
    if (this instanceof Ok<T> ok) {
      return Objects.requireNonNull(mapper.apply(ok.value()), "mapper returned null");
    }
    return new Err<>(((Err<T>) this).error());
  }

  /** Returns the value of a success as an Optional (empty for null), empty for a failure. */
  default Optional<T> toOptional() {
    return (this instanceof Ok<T> ok) ? Optional.ofNullable(ok.value()) : Optional.empty();
  }

  /** Thrown by {@link #unwrap()} on a failure. */
  final class ResultException extends NoSuchElementException {
    private static final long serialVersionUID = 1L;
    private final transient CacheError error;

    ResultException(CacheError error) {
      super("unwrap() on a failed cache result: " + error);
      this.error = error;
      if (error.cause() != null) {
        initCause(error.cause());
      }
    }

    /** Returns the error the result held. */
    public CacheError error() {
      return error;
    }
  }
}
