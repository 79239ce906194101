package dev.lexigram.cache.jcache;

import dev.lexigram.cache.store.StoreEntry;
import java.util.Iterator;
import java.util.NoSuchElementException;
import javax.cache.Cache;

/**
 * The iterator of a {@link CacheProxy}: live entries only, each read counted as a hit and touched
 * as an access; {@link #remove()} goes through the writer and counts a removal, as the standard says.
 */
final class ProxyEntryIterator<K, V> implements Iterator<Cache.Entry<K, V>> {

  private final CacheProxy<K, V> cache;
  private final Iterator<Object> keys;
  private EntryImpl<K, V> next;
  private EntryImpl<K, V> last;

  ProxyEntryIterator(CacheProxy<K, V> cache) {
    this.cache = cache;
    this.keys = cache.store.keys();
  }

  @Override
  public boolean hasNext() {
    while (next == null && keys.hasNext()) {
      @SuppressWarnings("unchecked")
      K key = (K) keys.next();
      long now = cache.now();
      StoreEntry entry = cache.ops.live(key, now);
      if (entry != null) {
        cache.ops.touchOnAccess(key, entry, now);
        cache.statistics.recordHits(1);
        next = new EntryImpl<>(cache.ops.keyOut(key), cache.ops.valueOf(entry));
      }
    }
    return next != null;
  }

  @Override
  public Cache.Entry<K, V> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    last = next;
    next = null;
    return last;
  }

  @Override
  public void remove() {
    if (last == null) {
      throw new IllegalStateException("next() was not called, or remove() was called already");
    }
    cache.requireOpen();
    K key = last.getKey();
    last = null;
    long start = cache.statistics.start();
    if (cache.writeThrough != null) {
      cache.writeThrough.delete(key);
    }
    if (cache.ops.remove(key, cache.now()) != null) {
      cache.statistics.recordRemovals(1);
    }
    cache.statistics.recordRemoveTime(start);
  }
}
