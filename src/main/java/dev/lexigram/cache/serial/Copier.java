package dev.lexigram.cache.serial;

import java.util.Objects;

/**
 * Copies values for JCache store-by-value, so that a cached value shares no mutable state with
 * the caller's. Implementations are thread-safe.
 */
public interface Copier {

  /**
   * Returns a copy of {@code value} that shares no mutable state with it, or {@code value} itself
   * when it is known to be immutable.
   *
   * @param value the value; may be null
   * @param <T> the value's type
   * @return the copy, of the same class; null if {@code value} is null
   * @throws SerializationException if the value cannot be copied (the caller maps it)
   */
  <T> T copy(T value);

  /**
   * Returns whether the value is known to be immutable, so that handing the same object to several
   * callers shares no mutable state (the types {@link #serializing} returns as they are).
   *
   * @param value the value; never null
   */
  static boolean isKnownImmutable(Object value) {
    return value.getClass() == String.class || AbstractCopier.isImmutable(value);
  }

  /**
   * Returns the copier that copies nothing, for store-by-reference.
   *
   * @return a shared stateless instance, never null
   */
  static Copier identity() {
    return IdentityCopier.INSTANCE;
  }

  /**
   * Returns a copier that returns known-immutable values as they are (String, boxed primitives,
   * enums, exact {@code BigDecimal}/{@code BigInteger}, UUID, {@code java.time} values, an
   * {@code Optional} of such), clones primitive arrays, and round-trips everything else through
   * {@code serializer}.
   *
   * @param serializer the serializer to copy through; never null
   * @return a new copier, never null
   * @throws NullPointerException if {@code serializer} is null
   */
  static Copier serializing(Serializer serializer) {
    return new SerializingCopier(Objects.requireNonNull(serializer, "serializer"));
  }
}
