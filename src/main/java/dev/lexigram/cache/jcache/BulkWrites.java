package dev.lexigram.cache.jcache;

import dev.lexigram.cache.jcache.integration.WriteThrough;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheException;

/**
 * The many-key writes of one {@link CacheProxy}, {@code putAll} and {@code removeAll}: the writer
 * is called once for all keys, the keys it failed on are left alone, the others are written, and
 * its failure is thrown after them, as the standard says. The caller checked the cache is open.
 */
final class BulkWrites<K, V> {

  private final CacheProxy<K, V> cache;

  BulkWrites(CacheProxy<K, V> cache) {
    this.cache = cache;
  }

  void putAll(Map<? extends K, ? extends V> map) {
    Objects.requireNonNull(map, "map");
    Map<K, V> entries = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      cache.typeCheck.entry(key, value);
      entries.put(key, value);
    });
    long start = cache.statistics.start();
    CacheException failure = null;
    Set<K> failed = Set.of();
    if (cache.writeThrough != null && !entries.isEmpty()) {
      List<Cache.Entry<K, V>> toWrite = new ArrayList<>();
      entries.forEach((key, value) -> toWrite.add(new EntryImpl<>(key, value)));
      WriteThrough.Outcome<K> outcome = cache.writeThrough.writeAll(toWrite);
      failure = outcome.failure();
      failed = outcome.failedKeys();
    }
    int stored;
    if (cache.canWriteBlind()) {
      entries.keySet().removeAll(failed);
      cache.ops.putAllBlind(entries); // one round trip on a remote store
      stored = entries.size();
    } else {
      long now = cache.now();
      stored = 0;
      for (Map.Entry<K, V> entry : entries.entrySet()) {
        if (!failed.contains(entry.getKey())
            && cache.ops.put(entry.getKey(), entry.getValue(), now) != StoreOps.NOT_STORED) {
          stored++;
        }
      }
    }
    cache.statistics.recordPuts(stored);
    cache.statistics.recordPutTime(start);
    if (failure != null) {
      throw failure;
    }
  }

  /** Removes every live entry. */
  void removeAll() {
    Set<K> keys = new LinkedHashSet<>();
    long now = cache.now();
    for (Iterator<Object> it = cache.store.keys(); it.hasNext(); ) {
      @SuppressWarnings("unchecked")
      K key = (K) it.next();
      if (cache.ops.live(key, now) != null) {
        keys.add(key);
      }
    }
    removeKeys(keys);
  }

  void removeKeys(Set<K> keys) {
    long start = cache.statistics.start();
    CacheException failure = null;
    Set<K> failed = Set.of();
    if (cache.writeThrough != null && !keys.isEmpty()) {
      WriteThrough.Outcome<K> outcome = cache.writeThrough.deleteAll(keys);
      failure = outcome.failure();
      failed = outcome.failedKeys();
    }
    long now = cache.now();
    int removed = 0;
    for (K key : keys) {
      if (!failed.contains(key) && cache.ops.remove(key, now) != null) {
        removed++;
      }
    }
    cache.statistics.recordRemovals(removed);
    cache.statistics.recordRemoveTime(start);
    if (failure != null) {
      throw failure;
    }
  }
}
