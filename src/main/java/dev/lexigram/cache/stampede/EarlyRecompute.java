package dev.lexigram.cache.stampede;

import dev.lexigram.cache.config.ProtectionSettings;
import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.KeyLease;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Early recomputation of entries that will expire (XFetch: Vattani, Chierichetti and Lowenstein,
 * "Optimal Probabilistic Cache Stampede Prevention", VLDB 2015). An entry records how long its
 * value took to compute (delta, its {@link EntryMeta#computeMillis()}); a read of it, {@code
 * remaining} milliseconds before it expires, recomputes it with probability
 * {@code exp(-remaining / (beta * delta))}, in the background while the current value is served.
 * Reads far from expiry practically never recompute; as expiry nears, one of the many reads of a
 * hot key almost surely does, about {@code beta * delta} before it, so no read waits for a load.
 *
 * <p>One recompute per key at a time: in this process, a key already being recomputed is not
 * started again; across processes sharing the store, a recompute runs only under the key's lease
 * ({@link Store#tryLease}, the one a load after a miss takes too), and a read that cannot get it
 * leaves the recompute to its holder. A recompute that fails is logged and dropped: the entry
 * stays until it expires, and the next read after that loads as usual.
 */
public final class EarlyRecompute {

  private static final Logger LOG = LoggerFactory.getLogger(EarlyRecompute.class);
  /** How many times {@code beta * delta} before expiry a read still draws: beyond, p < e^-40. */
  private static final double HORIZON = 40;

  private final double beta;
  private final long leaseMillis;
  private final Executor executor;
  private final DoubleSupplier random;
  private final Set<Object> running = ConcurrentHashMap.newKeySet();

  /**
   * @param beta how eagerly to recompute; positive
   * @param leaseMillis how long the lease of a recompute across processes lasts
   * @param executor where recomputes run
   * @param random uniform draws from [0, 1); a fixed sequence in tests
   */
  public EarlyRecompute(double beta, long leaseMillis, Executor executor, DoubleSupplier random) {
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be positive: " + beta);
    }
    this.beta = beta;
    this.leaseMillis = leaseMillis;
    this.executor = executor;
    this.random = random;
  }

  /** Returns the early recomputation the settings ask for, or null when {@code beta} is 0. */
  public static EarlyRecompute of(ProtectionSettings protection, Executor executor) {
    return protection.beta() == 0 ? null : new EarlyRecompute(protection.beta(), protection.lockTtl().toMillis(),
        executor, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Returns the probability that a read at {@code now} recomputes the entry. */
  public double probability(StoreEntry entry, long now) {
    int delta = EntryMeta.computeMillisOf(entry);
    if (delta == 0 || entry.expiresAt() == StoreEntry.ETERNAL) {
      return 0;
    }
    double scale = beta * delta;
    long remaining = entry.expiresAt() - now;
    return remaining > HORIZON * scale ? 0 : Math.exp(-Math.max(0, remaining) / scale);
  }

  /** Draws whether a read of the live entry at {@code now} recomputes it; most reads draw nothing. */
  public boolean isDue(StoreEntry entry, long now) {
    double probability = probability(entry, now);
    return probability > 0 && random.getAsDouble() < probability;
  }

  /**
   * Starts recomputing the key in the background unless it is being recomputed already, here or
   * (on a shared store) in another process.
   *
   * @param store the cache's store, whose lease on the key the recompute holds
   * @param recompute computes the value again and stores it
   * @return whether this call started it
   */
  public boolean start(Object key, Store store, Runnable recompute) {
    if (!running.add(key)) {
      return false;
    }
    try {
      executor.execute(() -> run(key, store, recompute));
      return true;
    } catch (RejectedExecutionException e) {
      running.remove(key);
      LOG.debug("early recompute of key {} not started: {}", key, e.toString());
      return false;
    }
  }

  private void run(Object key, Store store, Runnable recompute) {
    try {
      KeyLease lease = store.tryLease(key, leaseMillis);
      if (lease == null) {
        return; // another process recomputes or loads it
      }
      try {
        recompute.run();
      } finally {
        lease.release();
      }
    } catch (RuntimeException e) {
      LOG.warn("early recompute of key {} failed; the entry stays until it expires: {}", key, e.toString());
    } finally {
      running.remove(key);
    }
  }

  /** Returns whether a recompute of the key runs in this process now. */
  public boolean isRunning(Object key) {
    return running.contains(key);
  }
}
