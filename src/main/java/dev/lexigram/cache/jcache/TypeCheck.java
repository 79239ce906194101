package dev.lexigram.cache.jcache;

import java.util.Objects;

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
    // the exact class first: one comparison for the usual final key class (String, Long, a record)
    if (Objects.requireNonNull(key, "key").getClass() != keyType && !keyType.isInstance(key)) {
      throw new ClassCastException("Key " + key + " is a " + key.getClass().getName()
          + "; this cache holds keys of type " + keyType.getName());
    }
  }

  void value(Object value) {
    if (Objects.requireNonNull(value, "value").getClass() != valueType && !valueType.isInstance(value)) {
      throw new ClassCastException("Value " + value + " is a " + value.getClass().getName()
          + "; this cache holds values of type " + valueType.getName());
    }
  }

  void entry(Object key, Object value) {
    key(key);
    value(value);
  }
}
