package dev.lexigram.cache.jcache.integration;

import dev.lexigram.cache.stampede.LeasedLoads;
import dev.lexigram.cache.stampede.SingleFlight;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;

/**
 * Calls the cache's {@link CacheLoader} and gives its failures the type the spec prescribes:
 * a {@link CacheLoaderException} passes as it is, any other exception is wrapped in one. With
 * stampede protection ({@link #protectedBy}), concurrent loads of one key in this process run the
 * loader once and share its outcome.
 */
public final class ReadThrough<K, V> {

  private final CacheLoader<K, V> loader;
  /** Null when unprotected. */
  private final SingleFlight<K, V> flights;
  /** Null unless the store is shared with other processes and protection is on. */
  private final LeasedLoads leases;

  public ReadThrough(CacheLoader<K, V> loader) {
    this(loader, null, null);
  }

  private ReadThrough(CacheLoader<K, V> loader, SingleFlight<K, V> flights, LeasedLoads leases) {
    this.loader = loader;
    this.flights = flights;
    this.leases = leases;
  }

  /**
   * Returns a read-through over the same loader whose loads of one key share one flight in this
   * process and, with {@code leases}, run under the key's lease across processes.
   *
   * @param leases the leases of a shared store, or null
   */
  public ReadThrough<K, V> protectedBy(SingleFlight<K, V> flights, LeasedLoads leases) {
    return new ReadThrough<>(loader, flights, leases);
  }

  public CacheLoader<K, V> loader() {
    return loader;
  }

  /** Returns the loaded value, or null if the loader has none. */
  public V load(K key) {
    return load(key, UnaryOperator.identity());
  }

  /**
   * Returns the loaded value, or null if the loader has none, after {@code then} ran on a loaded
   * value (storing it, say) within the flight: a caller that asks for the key meanwhile waits for
   * the outcome and finds the value stored when the flight has ended.
   */
  public V load(K key, UnaryOperator<V> then) {
    Function<K, V> run = k -> {
      Supplier<V> once = () -> {
        V loaded = loadNow(k);
        return loaded == null ? null : then.apply(loaded);
      };
      return leases == null ? once.get() : leases.load(k, once);
    };
    return flights == null ? run.apply(key) : flights.load(key, run);
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
    return loadAll(keys, loaded -> { });
  }

  /**
   * Returns the loaded entries without null keys or values, after {@code then} ran on the entries
   * loaded here (storing them, say) within their flights; entries of keys whose loads other callers
   * were running are their outcomes, not passed to {@code then}.
   */
  public Map<K, V> loadAll(Set<? extends K> keys, Consumer<Map<K, V>> then) {
    Function<Set<K>, Map<K, V>> once = own -> {
      Map<K, V> loaded = loadAllNow(own);
      then.accept(loaded);
      return loaded;
    };
    Function<Set<K>, Map<K, V>> run = leases == null ? once : own -> leases.loadAll(own, once);
    return flights == null ? run.apply(Set.copyOf(keys)) : flights.loadAll(keys, run);
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
