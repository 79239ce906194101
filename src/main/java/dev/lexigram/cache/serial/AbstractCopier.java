package dev.lexigram.cache.serial;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The common path of copying: null and known-immutable values are returned as they are, primitive
 * arrays are cloned, and only the rest reaches {@link #copyMutable}. Immutability is decided on the
 * exact class (a subclass of {@code BigDecimal} may be mutable), and collections are never taken
 * as immutable, since an unmodifiable list may hold mutable elements. A record is immutable when
 * the declared type of each of its components is: a primitive, a final immutable JDK type, an
 * enum, or such a record (decided once per class).
 */
abstract class AbstractCopier implements Copier {

  private static final Set<Class<?>> IMMUTABLE = Set.of(
      String.class, Boolean.class, Byte.class, Short.class, Integer.class, Long.class, Float.class,
      Double.class, Character.class, BigDecimal.class, BigInteger.class, UUID.class,
      Instant.class, LocalDate.class, LocalTime.class, LocalDateTime.class, ZonedDateTime.class,
      OffsetDateTime.class, OffsetTime.class, Duration.class, Period.class, Year.class, YearMonth.class,
      MonthDay.class);

  @Override
  @SuppressWarnings("unchecked")
  public final <T> T copy(T value) {
    if (value instanceof byte[] bytes) {
      return (T) bytes.clone(); // the commonest cached blob: skip the lookups below
    }
    if (value == null || value.getClass() == String.class || isImmutable(value)) {
      return value;
    }
    Object array = clonePrimitiveArray(value);
    return array != null ? (T) array : copyMutable(value);
  }

  /**
   * Returns a deep copy of a value that is neither null, known-immutable nor a primitive array.
   *
   * @throws SerializationException if it cannot be copied
   */
  protected abstract <T> T copyMutable(T value);

  /** Whether a record class holds only immutable components; computed once per class. */
  private static final ClassValue<Boolean> IMMUTABLE_RECORD = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return isImmutableRecord(type, 0);
    }
  };

  /** Deepest nesting of records looked into; a deeper (or self-referring) record is copied. */
  private static final int MAX_RECORD_DEPTH = 8;

  static boolean isImmutable(Object value) {
    return IMMUTABLE.contains(value.getClass())
        || value instanceof Record && IMMUTABLE_RECORD.get(value.getClass())
        || value instanceof Enum<?>
        || value instanceof ZoneId
        || value instanceof Optional<?> optional && optional.map(AbstractCopier::isImmutable).orElse(true);
  }

  private static boolean isImmutableRecord(Class<?> type, int depth) {
    if (!type.isRecord() || depth > MAX_RECORD_DEPTH) {
      return false;
    }
    for (var component : type.getRecordComponents()) {
      Class<?> declared = component.getType();
      boolean immutable = declared.isPrimitive()
          || IMMUTABLE.contains(declared) && Modifier.isFinal(declared.getModifiers())
          || declared.isEnum()
          || isImmutableRecord(declared, depth + 1);
      if (!immutable) {
        return false;
      }
    }
    return true;
  }

  /** Returns a clone of a primitive array, or null if {@code value} is not one. */
  private static Object clonePrimitiveArray(Object value) {
    if (value instanceof byte[] a) {
      return a.clone();
    } else if (value instanceof int[] a) {
      return a.clone();
    } else if (value instanceof long[] a) {
      return a.clone();
    } else if (value instanceof double[] a) {
      return a.clone();
    } else if (value instanceof char[] a) {
      return a.clone();
    } else if (value instanceof boolean[] a) {
      return a.clone();
    } else if (value instanceof float[] a) {
      return a.clone();
    } else if (value instanceof short[] a) {
      return a.clone();
    }
    return null;
  }
}
