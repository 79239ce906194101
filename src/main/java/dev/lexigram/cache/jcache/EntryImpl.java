package dev.lexigram.cache.jcache;

import java.util.Map;
import java.util.Objects;
import javax.cache.Cache;

/** An immutable key-value pair handed out by the cache's iterator and to cache writers. */
public final class EntryImpl<K, V> implements Cache.Entry<K, V> {

  private final K key;
  private final V value;

  public EntryImpl(K key, V value) {
    this.key = Objects.requireNonNull(key);
    this.value = value;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    return value;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("Cannot unwrap a cache entry to " + clazz.getName());
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Map.Entry<?, ?> || other instanceof Cache.Entry<?, ?>)) {
      return false;
    }
    if (other instanceof Cache.Entry<?, ?> entry) {
      return key.equals(entry.getKey()) && Objects.equals(value, entry.getValue());
    }
    Map.Entry<?, ?> entry = (Map.Entry<?, ?>) other;
    return key.equals(entry.getKey()) && Objects.equals(value, entry.getValue());
  }

  @Override
  public int hashCode() {
    return key.hashCode() ^ Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}
