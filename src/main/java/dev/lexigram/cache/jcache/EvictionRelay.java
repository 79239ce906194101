package dev.lexigram.cache.jcache;

import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;

/**
 * Lets a store be built before the cache that listens to it: the store reports to the relay,
 * and the relay forwards to the cache once it exists.
 */
final class EvictionRelay implements StoreEvictionListener {

  private volatile StoreEvictionListener target = StoreEvictionListener.ignoring();

  void forwardTo(StoreEvictionListener listener) {
    this.target = listener;
  }

  @Override
  public void onEvicted(Object key, StoreEntry entry, Cause cause) {
    target.onEvicted(key, entry, cause);
  }
}
