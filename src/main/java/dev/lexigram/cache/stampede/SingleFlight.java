package dev.lexigram.cache.stampede;

import dev.lexigram.cache.config.ProtectionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.cache.integration.CacheLoaderException;

/**
 * In-process single flight for the loads of one cache: while a load of a key runs, other callers
 * asking to load the same key wait for its outcome instead of loading again, and all receive its
 * value (each through {@code share}, so that a store-by-value cache hands every caller its own
 * copy) or its exception.
 *
 * <p>Concurrency contract:
 * <ul>
 *   <li>No lock is held while a load runs: a load may read or load other keys of the same cache.
 *   <li>A load that asks for its own key again on the same thread runs again, unprotected, instead
 *       of waiting for itself.
 *   <li>A waiter waits at most {@code max_wait}; then it loads by itself, or fails when
 *       {@code on_timeout} is {@code fail} (two loads that wait on each other's keys on two threads
 *       cannot hang for ever).
 *   <li>An interrupted waiter stops waiting, keeps its interrupt flag and gets a {@link LoadInterrupted}.
 *   <li>A flight ends with its load: a caller arriving after it gets a new flight (the caller
 *       checks the store first).
 * </ul>
 *
 * @param <K> the key type; keys are compared with {@code equals}
 * @param <V> the loaded value type; null means the load found nothing
 */
public final class SingleFlight<K, V> {

  private final ConcurrentHashMap<K, Flight<V>> flights = new ConcurrentHashMap<>();
  private final Duration maxWait;
  private final boolean failOnTimeout;
  private final UnaryOperator<V> share;

  private final LongAdder waits = new LongAdder();

  /** Returns how many callers waited for another caller's load of the same key (a load each saved). */
  public long waits() {
    return waits.sum();
  }

  /**
   * @param protection {@code max_wait}, the longest a caller waits for another's load, and
   *     {@code on_timeout}, whether it then loads by itself or fails
   * @param share what a waiter receives of the loaded value (a copy, or the value itself)
   */
  public SingleFlight(ProtectionSettings protection, UnaryOperator<V> share) {
    this.maxWait = protection.maxWait();
    this.failOnTimeout = protection.onTimeout() == ProtectionSettings.OnTimeout.FAIL;
    this.share = Objects.requireNonNull(share, "share");
  }

  /**
   * Returns the outcome of {@code load} for the key: run here if no load of the key is in flight,
   * else the outcome of the one in flight.
   *
   * @throws RuntimeException the load's own exception, here or in every waiter
   */
  public V load(K key, Function<? super K, ? extends V> load) {
    Flight<V> mine = new Flight<>();
    Flight<V> running = flights.putIfAbsent(key, mine);
    if (running != null) {
      if (running.owner == Thread.currentThread()) {
        return load.apply(key);
      }
      waits.increment();
      return await(running, key, load);
    }
    try {
      V value = load.apply(key);
      mine.future.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      mine.future.completeExceptionally(e);
      throw e;
    } finally {
      flights.remove(key, mine);
    }
  }

  /**
   * Returns the outcome of loading many keys: the keys no other caller is loading are loaded here
   * in one call of {@code loadAll}; the others are waited for. A key absent from the result was
   * found by no load.
   *
   * @throws RuntimeException the exception of this caller's {@code loadAll}, or of a load waited for
   */
  public Map<K, V> loadAll(Set<? extends K> keys, Function<Set<K>, Map<K, V>> loadAll) {
    Map<K, Flight<V>> mine = new LinkedHashMap<>();
    Map<K, Flight<V>> others = new LinkedHashMap<>();
    for (K key : keys) {
      Flight<V> flight = new Flight<>();
      Flight<V> running = flights.putIfAbsent(key, flight);
      if (running == null) {
        mine.put(key, flight);
      } else if (running.owner == Thread.currentThread()) {
        mine.put(key, flight); // loaded again here, outside the flight of the outer load
      } else {
        others.put(key, running);
      }
    }
    Map<K, V> result = new HashMap<>();
    if (!mine.isEmpty()) {
      result.putAll(loadOwn(mine, loadAll));
    }
    List<K> lateKeys = new ArrayList<>();
    for (Map.Entry<K, Flight<V>> other : others.entrySet()) {
      V value = awaitOrNull(other.getValue(), other.getKey(), lateKeys);
      if (value != null) {
        result.put(other.getKey(), value);
      }
    }
    if (!lateKeys.isEmpty()) {
      result.putAll(loadAll.apply(Set.copyOf(lateKeys)));
    }
    return result;
  }

  /** Returns how many loads are in flight; for tests and metrics. */
  public int inFlight() {
    return flights.size();
  }

  private Map<K, V> loadOwn(Map<K, Flight<V>> mine, Function<Set<K>, Map<K, V>> loadAll) {
    try {
      Map<K, V> loaded = loadAll.apply(mine.keySet());
      mine.forEach((key, flight) -> flight.future.complete(loaded.get(key)));
      return loaded;
    } catch (RuntimeException | Error e) {
      mine.values().forEach(flight -> flight.future.completeExceptionally(e));
      throw e;
    } finally {
      mine.forEach(flights::remove);
    }
  }

  private V await(Flight<V> running, K key, Function<? super K, ? extends V> load) {
    List<K> late = new ArrayList<>(1);
    V value = awaitOrNull(running, key, late);
    return late.isEmpty() ? value : load.apply(key);
  }

  /** Returns the shared outcome of a flight; adds the key to {@code late} if it did not end within maxWait. */
  private V awaitOrNull(Flight<V> running, K key, List<K> late) {
    try {
      V value = running.future.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
      return value == null ? null : share.apply(value);
    } catch (TimeoutException e) {
      if (failOnTimeout) {
        throw new CacheLoaderException("Waited " + maxWait + " for another caller's load of key " + key
            + " and it did not finish. Fix: raise cache.service.protection.max_wait, or set on_timeout: load"
            + " to load it here after the wait", e);
      }
      late.add(key);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoadInterrupted("Interrupted while waiting for another caller's load of key " + key, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) cause;
    }
  }

  /** One load in progress: its outcome and the thread running it. */
  private static final class Flight<V> {
    final CompletableFuture<V> future = new CompletableFuture<>();
    final Thread owner = Thread.currentThread();
  }
}
