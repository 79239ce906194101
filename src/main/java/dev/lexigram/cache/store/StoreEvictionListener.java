package dev.lexigram.cache.store;

/**
 * Told when a store removes an entry on its own (expiry reclaimed in the background or size
 * eviction), so that the cache layer can publish expired events and count evictions. A store
 * that cannot observe this (most remote ones) never calls it.
 */
public interface StoreEvictionListener {

  /** Why the store removed the entry. */
  enum Cause { EXPIRED, SIZE }

  /** Called once per entry the store removed by itself, on the thread that removed it. */
  void onEvicted(Object key, StoreEntry entry, Cause cause);

  /** Returns a listener that ignores every eviction. */
  static StoreEvictionListener ignoring() {
    return (key, entry, cause) -> { };
  }
}
