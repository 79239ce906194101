package dev.lexigram.cache.jcache.integration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;

/**
 * Calls the cache's {@link CacheWriter} before the store changes. A {@link CacheWriterException}
 * passes as it is and any other exception is wrapped in one. For the batch calls, the writer
 * removes what it wrote from the collection it is given; what is left afterwards failed.
 */
public final class WriteThrough<K, V> {

  private final CacheWriter<K, V> writer;

  @SuppressWarnings("unchecked")
  public WriteThrough(CacheWriter<? super K, ? super V> writer) {
    // a writer of a supertype accepts our entries; the cast only narrows what we pass it
    this.writer = (CacheWriter<K, V>) writer;
  }

  public CacheWriter<K, V> writer() {
    return writer;
  }

  public void write(Cache.Entry<K, V> entry) {
    try {
      writer.write(entry);
    } catch (CacheWriterException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheWriterException("The cache writer failed to write key " + entry.getKey() + ": " + e, e);
    }
  }

  public void delete(K key) {
    try {
      writer.delete(key);
    } catch (CacheWriterException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheWriterException("The cache writer failed to delete key " + key + ": " + e, e);
    }
  }

  /**
   * Writes the entries; returns the keys that were not written and the failure, if any.
   */
  public Outcome<K> writeAll(Collection<Cache.Entry<K, V>> entries) {
    Collection<Cache.Entry<? extends K, ? extends V>> pending = new ArrayList<>(entries);
    try {
      writer.writeAll(pending);
      return new Outcome<>(Set.of(), null);
    } catch (RuntimeException e) {
      Set<K> failed = new LinkedHashSet<>();
      for (Cache.Entry<? extends K, ? extends V> entry : pending) {
        failed.add(entry.getKey());
      }
      return new Outcome<>(failed, wrap(e, "write"));
    }
  }

  /** Deletes the keys; returns the keys that were not deleted and the failure, if any. */
  public Outcome<K> deleteAll(Collection<? extends K> keys) {
    Collection<Object> pending = new LinkedHashSet<>(keys);
    try {
      writer.deleteAll(pending);
      return new Outcome<>(Set.of(), null);
    } catch (RuntimeException e) {
      @SuppressWarnings("unchecked")
      Set<K> failed = (Set<K>) new LinkedHashSet<>(pending);
      return new Outcome<>(failed, wrap(e, "delete"));
    }
  }

  private static CacheWriterException wrap(RuntimeException e, String what) {
    if (e instanceof CacheWriterException cwe) {
      return cwe;
    }
    return new CacheWriterException("The cache writer failed to " + what + " a batch: " + e, e);
  }

  /** The keys a batch call failed on and the failure, null when everything was written. */
  public record Outcome<K>(Set<K> failedKeys, CacheWriterException failure) {
    public boolean failed(K key) {
      return failedKeys.contains(key);
    }
  }
}
