package dev.lexigram.cache.jcache;

import java.util.Objects;
import java.util.Set;

/** Checks keys and values against the cache's configured types; null is never allowed. */
final class TypeCheck {

  private final Class<?> keyType;
  private final Class<?> valueType;

  TypeCheck(Class<?> keyType, Class<?> valueType) {
    // Object.class accepts everything
    this.keyType = (keyType == null) ? Object.class : keyType;
    this.valueType = (valueType == null) ? Object.class : valueType;
  }

  void key(Object key) {
    check(key, keyType, "key");
  }

  void value(Object value) {
    check(value, valueType, "value");
  }

  /** The exact class first: one comparison for the usual final class (String, Long, a record). */
  private static void check(Object object, Class<?> type, String what) {
    if (Objects.requireNonNull(object, what).getClass() != type && !type.isInstance(object)) {
      throw mismatch(object, type, what);
    }
  }

  private static ClassCastException mismatch(Object object, Class<?> type, String what) {
    return new ClassCastException(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " " + object
        + " is a " + object.getClass().getName() + "; this cache holds " + what + "s of type " + type.getName());
  }

  void entry(Object key, Object value) {
    key(key);
    value(value);
  }

  /** Checks a set of keys: the set and every key in it are non-null, as JCache's many-key calls require. */
  static void requireNoNullKeys(Set<?> keys) {
    Objects.requireNonNull(keys, "keys");
    for (Object key : keys) {
      Objects.requireNonNull(key, "a key in the set is null");
    }
  }
}
