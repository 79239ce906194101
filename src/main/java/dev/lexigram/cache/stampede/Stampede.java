package dev.lexigram.cache.stampede;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The stampede protection of one cache: the loads of a key (a read-through load, a
 * {@code getOrCompute}) run once in this process ({@link SingleFlight}) and, on a store other
 * processes share, once in all of them ({@link LeasedLoads}); entries that will expire are
 * recomputed early ({@link EarlyRecompute}) unless {@code beta} is 0. Unprotected, every load runs.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class Stampede<K, V> {

  private static final Stampede<?, ?> UNPROTECTED = new Stampede<>(null, null, null);

  /** Null when unprotected. */
  private final SingleFlight<K, V> flights;
  /** Null unless the store is shared. */
  private final LeasedLoads leases;
  /** Null when early recomputation is off. */
  private final EarlyRecompute early;

  /**
   * @param flights the single flight of this process's loads
   * @param leases the leases of a store shared with other processes, or null
   * @param early the early recomputation of entries that will expire, or null for none
   */
  public Stampede(SingleFlight<K, V> flights, LeasedLoads leases, EarlyRecompute early) {
    this.flights = flights;
    this.leases = leases;
    this.early = early;
  }

  /** Returns how many reads waited for a load of the same key in this process instead of loading (0 when off). */
  public long waitsInProcess() {
    return flights == null ? 0 : flights.waits();
  }

  /** Returns how many loads found the value another process loaded under the key's lease (0 when off). */
  public long savedAcrossProcesses() {
    return leases == null ? 0 : leases.savedByOtherProcesses();
  }

  /** Returns the early recomputation of entries that will expire, or null when it is off. */
  public EarlyRecompute early() {
    return early;
  }

  /** Returns the protection that protects nothing: every load runs. */
  @SuppressWarnings("unchecked")
  public static <K, V> Stampede<K, V> unprotected() {
    return (Stampede<K, V>) UNPROTECTED;
  }

  /**
   * Returns the outcome of {@code load} for the key (which stores what it loads), run once for all
   * the callers asking meanwhile; see {@link SingleFlight#load} and {@link LeasedLoads#load}.
   */
  public V load(K key, Function<? super K, ? extends V> load) {
    if (flights == null) {
      return load.apply(key);
    }
    Function<K, V> once = leases == null ? load::apply : k -> leases.load(k, () -> load.apply(k));
    return flights.load(key, once);
  }

  /**
   * Returns the outcome of {@code loadAll} for the keys (which stores what it loads), each key
   * loaded once for all the callers asking meanwhile; see {@link SingleFlight#loadAll} and
   * {@link LeasedLoads#loadAll}.
   */
  public Map<K, V> loadAll(Set<? extends K> keys, Function<Set<K>, Map<K, V>> loadAll) {
    if (flights == null) {
      return loadAll.apply(Set.copyOf(keys));
    }
    Function<Set<K>, Map<K, V>> once = leases == null ? loadAll : own -> leases.loadAll(own, loadAll);
    return flights.loadAll(keys, once);
  }
}
