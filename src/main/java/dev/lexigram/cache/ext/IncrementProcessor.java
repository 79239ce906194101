package dev.lexigram.cache.ext;

import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/**
 * Adds a delta to a whole number stored under a key, atomically through the cache's entry
 * processor path (an absent key counts as 0); returns the new value.
 */
final class IncrementProcessor<K, V> implements EntryProcessor<K, V, Long> {

  @Override
  @SuppressWarnings("unchecked")
  public Long process(MutableEntry<K, V> entry, Object... arguments) {
    long delta = (Long) arguments[0];
    V current = entry.exists() ? entry.getValue() : null;
    long base;
    if (current == null) {
      base = 0;
    } else if (current instanceof Long || current instanceof Integer || current instanceof Short
        || current instanceof Byte) {
      base = ((Number) current).longValue();
    } else {
      throw new UnsupportedOperationException("Cannot increment key " + entry.getKey() + ": its value is a "
          + current.getClass().getName() + ", not a whole number. Fix: store a Long under keys you increment");
    }
    long next = Math.addExact(base, delta);
    entry.setValue((V) Long.valueOf(next));
    return next;
  }
}
