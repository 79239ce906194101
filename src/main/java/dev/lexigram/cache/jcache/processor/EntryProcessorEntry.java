package dev.lexigram.cache.jcache.processor;

import dev.lexigram.cache.jcache.integration.ReadThrough;
import java.util.Objects;
import javax.cache.processor.MutableEntry;

/**
 * The {@link MutableEntry} an entry processor sees. It records what the processor did as one
 * {@link Action}; the cache applies that action afterwards with one compare-and-set, so the
 * processor's changes become visible atomically or not at all.
 */
public final class EntryProcessorEntry<K, V> implements MutableEntry<K, V> {

  /** The net effect of the processor on the entry. */
  public enum Action { NONE, READ, LOADED, CREATED, UPDATED, REMOVED }

  private final K key;
  private final boolean existed;
  private final ReadThrough<K, V> loader;
  private V value;
  private Action action = Action.NONE;

  /**
   * @param value the current value, or null if the key is absent
   * @param loader the loader for read-through on {@link #getValue()}, or null
   */
  public EntryProcessorEntry(K key, V value, ReadThrough<K, V> loader) {
    this.key = key;
    this.value = value;
    this.existed = value != null;
    this.loader = loader;
  }

  public Action action() {
    return action;
  }

  /** Returns the value as the processor left it, without loading. */
  public V currentValue() {
    return value;
  }

  public boolean existed() {
    return existed;
  }

  @Override
  public K getKey() {
    return key;
  }

  @Override
  public V getValue() {
    if (action == Action.NONE) {
      if (value == null && loader != null) {
        value = loader.load(key);
        if (value != null) {
          action = Action.LOADED;
        }
      } else if (value != null) {
        action = Action.READ;
      }
    }
    return value;
  }

  @Override
  public boolean exists() {
    return value != null;
  }

  @Override
  public void remove() {
    // removing what this processor created leaves nothing to do; any other removal reaches the
    // writer even when the key was absent, as the spec's write-through rules ask
    action = (action == Action.CREATED || action == Action.LOADED) && !existed ? Action.NONE : Action.REMOVED;
    value = null;
  }

  @Override
  public void setValue(V newValue) {
    Objects.requireNonNull(newValue, "An entry processor cannot set a null value");
    action = existed ? Action.UPDATED : Action.CREATED;
    value = newValue;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("Cannot unwrap a mutable entry to " + clazz.getName());
  }
}
