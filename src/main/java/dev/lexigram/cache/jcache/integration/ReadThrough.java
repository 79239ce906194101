package dev.lexigram.cache.jcache.integration;

import dev.lexigram.cache.stampede.Stampede;
import dev.lexigram.cache.store.EntryMeta;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;

/**
 * Calls the cache's {@link CacheLoader} and gives its failures the type the spec prescribes:
 * a {@link CacheLoaderException} passes as it is, any other exception is wrapped in one. With
 * stampede protection ({@link #protectedBy}), concurrent loads of one key in this process run the
 * loader once and share its outcome.
 */
public final class ReadThrough<K, V> {

  private static final Supplier<EntryMeta> NO_TAGS = () -> null;

  private final CacheLoader<K, V> loader;
  private final Stampede<K, V> stampede;
  private final Supplier<EntryMeta> capture;

  public ReadThrough(CacheLoader<K, V> loader) {
    this(loader, Stampede.unprotected(), NO_TAGS);
  }

  private ReadThrough(CacheLoader<K, V> loader, Stampede<K, V> stampede, Supplier<EntryMeta> capture) {
    this.loader = loader;
    this.stampede = stampede;
    this.capture = capture;
  }

  /** Returns a read-through over the same loader whose loads of one key run once for all callers. */
  public ReadThrough<K, V> protectedBy(Stampede<K, V> stampede) {
    return new ReadThrough<>(loader, stampede, capture);
  }

  /**
   * Returns a read-through over the same loader whose loads hand {@code then} the cache's tags as
   * {@code capture} gave them just before the loader ran, so that a value loaded from data read
   * before a tag invalidation never outlives it.
   */
  public ReadThrough<K, V> capturing(Supplier<EntryMeta> capture) {
    return new ReadThrough<>(loader, stampede, capture);
  }

  public CacheLoader<K, V> loader() {
    return loader;
  }

  /** Returns the loaded value, or null if the loader has none. */
  public V load(K key) {
    return load(key, (loaded, meta) -> loaded);
  }

  /**
   * Returns the loaded value, or null if the loader has none, after {@code then} ran on a loaded
   * value and the meta that says how long the loader took (storing them, say) within the flight: a
   * caller that asks for the key meanwhile waits for the outcome and finds the value stored when
   * the flight has ended.
   */
  public V load(K key, BiFunction<V, EntryMeta, V> then) {
    return stampede.load(key, k -> {
      EntryMeta tags = capture.get();
      long start = System.nanoTime();
      V loaded = loadNow(k);
      return loaded == null ? null : then.apply(loaded, EntryMeta.combine(tags, EntryMeta.computedIn(millisSince(start))));
    });
  }

  /**
   * Loads the key again for an early recomputation, outside any flight, and passes the value with
   * its meta to {@code then}; a loader that has no value calls nothing.
   */
  public void reload(K key, BiConsumer<V, EntryMeta> then) {
    EntryMeta tags = capture.get();
    long start = System.nanoTime();
    V loaded = loadNow(key);
    if (loaded != null) {
      then.accept(loaded, EntryMeta.combine(tags, EntryMeta.computedIn(millisSince(start))));
    }
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private V loadNow(K key) {
    try {
      return loader.load(key);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("The cache loader failed to load key " + key + ": " + e, e);
    }
  }

  /** Returns the loaded entries without null keys or values. */
  public Map<K, V> loadAll(Set<? extends K> keys) {
    return loadAll(keys, (loaded, meta) -> { });
  }

  /**
   * Returns the loaded entries without null keys or values, after {@code then} ran on the entries
   * loaded here and the meta that says how long the loader took for them all (storing them, say)
   * within their flights; entries of keys whose loads other callers were running are their
   * outcomes, not passed to {@code then}.
   */
  public Map<K, V> loadAll(Set<? extends K> keys, BiConsumer<Map<K, V>, EntryMeta> then) {
    return stampede.loadAll(keys, own -> {
      EntryMeta tags = capture.get();
      long start = System.nanoTime();
      Map<K, V> loaded = loadAllNow(own);
      then.accept(loaded, EntryMeta.combine(tags, EntryMeta.computedIn(millisSince(start))));
      return loaded;
    });
  }

  /**
   * Returns the loaded entries without null keys or values, calling the loader for every key
   * whatever other callers are loading: JCache's {@code loadAll} must load each key it names, even
   * one another process has just stored.
   */
  public Map<K, V> loadAllUnprotected(Set<? extends K> keys) {
    return loadAllNow(keys);
  }

  private Map<K, V> loadAllNow(Set<? extends K> keys) {
    Map<K, V> loaded;
    try {
      loaded = loader.loadAll(keys);
    } catch (CacheLoaderException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheLoaderException("The cache loader failed to load " + keys.size() + " keys: " + e, e);
    }
    Map<K, V> result = new HashMap<>();
    if (loaded != null) {
      loaded.forEach((key, value) -> {
        if (key != null && value != null) {
          result.put(key, value);
        }
      });
    }
    return result;
  }
}
