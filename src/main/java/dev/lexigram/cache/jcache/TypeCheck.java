package dev.lexigram.cache.jcache;

import java.util.Objects;

/** Checks keys and values against the cache's configured types; null is never allowed. */
final class TypeCheck {

  private final Class<?> keyType;
  private final Class<?> valueType;

  TypeCheck(Class<?> keyType, Class<?> valueType) {
    this.keyType = (keyType == null) ? Object.class : keyType; // Object.class accepts every key
    this.valueType = (valueType == Object.class) ? null : valueType;
  }

  void key(Object key) {
    // the exact class first: one comparison for the usual final key class (String, Long, a record)
    if (Objects.requireNonNull(key, "key").getClass() != keyType && !keyType.isInstance(key)) {
      throw new ClassCastException("Key " + key + " is a " + key.getClass().getName()
          + "; this cache holds keys of type " + keyType.getName());
    }
  }

  void value(Object value) {
    Objects.requireNonNull(value, "value");
    if (valueType != null && !valueType.isInstance(value)) {
      throw new ClassCastException("Value " + value + " is a " + value.getClass().getName()
          + "; this cache holds values of type " + valueType.getName());
    }
  }

  void entry(Object key, Object value) {
    key(key);
    value(value);
  }
}
