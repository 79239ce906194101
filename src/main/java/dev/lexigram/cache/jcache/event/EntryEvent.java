package dev.lexigram.cache.jcache.event;

import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;

/** One cache entry event; removed and expired events carry the old value as both values. */
final class EntryEvent<K, V> extends CacheEntryEvent<K, V> {

  private static final long serialVersionUID = 1L;

  private final K key;
  private final transient V value;
  private final transient V oldValue;
  private final boolean oldValueAvailable;

  EntryEvent(Cache<K, V> source, EventType type, K key, V value, V oldValue, boolean oldValueAvailable) {
    super(source, type);
    this.key = key;
    this.value = value;
    this.oldValue = oldValue;
    this.oldValueAvailable = oldValueAvailable;
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
  public V getOldValue() {
    return oldValue;
  }

  @Override
  public boolean isOldValueAvailable() {
    return oldValueAvailable;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("Cannot unwrap a cache entry event to " + clazz.getName());
  }

  @Override
  public String toString() {
    return "EntryEvent[" + getEventType() + " " + key + "]";
  }
}
