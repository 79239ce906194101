package dev.lexigram.cache.stampede;

import dev.lexigram.cache.config.ProtectionSettings;
import dev.lexigram.cache.config.ProtectionSettings.OnTimeout;
import dev.lexigram.cache.store.KeyLease;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.cache.integration.CacheLoaderException;

/**
 * Stampede protection across processes, for a store that other processes share (Redis,
 * memcached): the loads of one key run once in all of them together. Each process runs at most one
 * load per key already ({@link SingleFlight}); that one first takes the key's lease
 * ({@link Store#tryLease}, for {@code lock_ttl}):
 * <ul>
 *   <li>granted: it reads the key again (a load may have ended between its miss and the lease),
 *       loads and stores only if the key is still absent, then releases the lease;
 *   <li>held elsewhere: it polls the key, from 5 ms doubling to 20 ms between reads, until the
 *       value appears (returned as read), or the lease is free again without a value (the holder
 *       failed or died: it tries to take the lease), or {@code max_wait} passes: then it loads by
 *       itself ({@code on_timeout: load}) or fails with a {@link CacheLoaderException} ({@code fail}).
 * </ul>
 * A holder that dies frees the key when its lease runs out, {@code lock_ttl} after it was taken.
 * Waits are measured on {@link System#nanoTime()}; entry expiry on the cache's clock.
 */
public final class LeasedLoads {

  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  /** Only one caller per process polls a key (the others wait on its flight): a short pause costs little. */
  private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final Store store;
  private final Clock clock;
  private final long leaseMillis;
  private final long maxWaitNanos;
  private final Duration maxWait;
  private final boolean failOnTimeout;
  private final Predicate<StoreEntry> stale;

  private final LongAdder waited = new LongAdder();

  /** Returns how many loads found the value another process's lease holder stored (a load each saved). */
  public long savedByOtherProcesses() {
    return waited.sum();
  }

  /**
   * @param store the cache's store, shared with other processes
   * @param clock the cache's clock, which entry expiry instants are compared with
   * @param protection the limits: {@code max_wait}, {@code lock_ttl}, {@code on_timeout}
   * @param stale whether an entry that has not expired is gone all the same (its tags were invalidated)
   */
  public LeasedLoads(Store store, Clock clock, ProtectionSettings protection, Predicate<StoreEntry> stale) {
    this.stale = stale;
    this.store = store;
    this.clock = clock;
    this.leaseMillis = protection.lockTtl().toMillis();
    this.maxWait = protection.maxWait();
    this.maxWaitNanos = protection.maxWait().toNanos();
    this.failOnTimeout = protection.onTimeout() == OnTimeout.FAIL;
  }

  /**
   * Returns the key's value: the one another process stored while this one waited, or the
   * outcome of {@code load} (which stores what it loads) run under the key's lease.
   *
   * @throws CacheLoaderException if {@code max_wait} passed and {@code on_timeout} is {@code fail}
   */
  public <V> V load(Object key, Supplier<V> load) {
    long deadline = System.nanoTime() + maxWaitNanos;
    long pause = FIRST_PAUSE_NANOS;
    while (true) {
      KeyLease lease = store.tryLease(key, leaseMillis);
      if (lease != null) {
        try {
          V present = present(key);
          return present != null ? present : load.get();
        } finally {
          lease.release();
        }
      }
      V present = present(key);
      if (present != null) {
        waited.increment(); // another process loaded it: one load saved
        return present;
      }
      if (System.nanoTime() - deadline >= 0) {
        if (failOnTimeout) {
          throw new CacheLoaderException("Waited " + maxWait + " for another process to load key " + key
              + " and it did not finish. Fix: raise cache.service.protection.max_wait, or set on_timeout: load"
              + " to load it here after the wait");
        }
        return load.get();
      }
      LockSupport.parkNanos(pause);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new LoadInterrupted("Interrupted while waiting for another process's load of key " + key, null);
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
    }
  }

  /**
   * Returns the values of many keys: the keys whose leases this process gets are loaded together in
   * one call of {@code loadAll} (which stores what it loads); each other key is waited for as by
   * {@link #load}. A key absent from the result was found by no load.
   */
  public <K, V> Map<K, V> loadAll(Set<K> keys, Function<Set<K>, Map<K, V>> loadAll) {
    Map<K, KeyLease> held = new LinkedHashMap<>();
    List<K> elsewhere = new ArrayList<>();
    Map<K, V> result = new HashMap<>();
    try {
      for (K key : keys) {
        KeyLease lease = store.tryLease(key, leaseMillis);
        if (lease == null) {
          elsewhere.add(key);
        } else {
          held.put(key, lease);
        }
      }
      Set<K> toLoad = new LinkedHashSet<>();
      for (K key : held.keySet()) {
        V present = present(key);
        if (present != null) {
          result.put(key, present);
        } else {
          toLoad.add(key);
        }
      }
      if (!toLoad.isEmpty()) {
        result.putAll(loadAll.apply(toLoad));
      }
    } finally {
      held.values().forEach(KeyLease::release);
    }
    for (K key : elsewhere) {
      V value = load(key, () -> loadAll.apply(Set.of(key)).get(key));
      if (value != null) {
        result.put(key, value);
      }
    }
    return result;
  }

  /** Returns the key's live value in the store, or null. */
  @SuppressWarnings("unchecked")
  private <V> V present(Object key) {
    StoreEntry entry = store.get(key);
    return entry == null || entry.expiresAt() <= clock.millis() || stale.test(entry) ? null : (V) entry.value();
  }
}
