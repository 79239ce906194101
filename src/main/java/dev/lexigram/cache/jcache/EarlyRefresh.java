package dev.lexigram.cache.jcache;

import dev.lexigram.cache.jcache.expiry.ExpiryCalculator;
import dev.lexigram.cache.jcache.integration.ReadThrough;
import dev.lexigram.cache.stampede.EarlyRecompute;
import dev.lexigram.cache.stampede.Stampede;
import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Early recomputation ({@link EarlyRecompute}) of one cache's entries: a hit that draws it
 * recomputes the entry in the background, a read-through hit with the cache's loader, a
 * {@code getOrCompute} hit with its function, once it holds the key's lease and finds the entry
 * it read still there (else another recompute has replaced it). The value replaces the entry read if that is still
 * there, getting the expiry of a new entry (or the {@code getOrCompute}'s TTL) and telling
 * listeners of an update; if the entry expired or was removed meanwhile, the value is stored as a
 * load would store it; if another write replaced it, the value is dropped.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class EarlyRefresh<K, V> {

  private final EarlyRecompute early;
  private final Store store;
  private final StoreOps<K, V> ops;
  private final TypeCheck typeCheck;
  private final LongSupplier clock;

  private EarlyRefresh(EarlyRecompute early, Store store, StoreOps<K, V> ops, TypeCheck typeCheck, LongSupplier clock) {
    this.early = early;
    this.store = store;
    this.ops = ops;
    this.typeCheck = typeCheck;
    this.clock = clock;
  }

  /** Returns the early recomputation of the cache's entries, or null when it is off. */
  static <K, V> EarlyRefresh<K, V> of(Stampede<K, V> stampede, Store store, StoreOps<K, V> ops, TypeCheck typeCheck,
      LongSupplier clock) {
    EarlyRecompute early = stampede.early();
    return (early == null) ? null : new EarlyRefresh<>(early, store, ops, typeCheck, clock);
  }

  /** Returns the hook of a read-through cache's reads: a hit may recompute with the loader. */
  @SuppressWarnings("unchecked")
  StoreOps.HitHook withLoader(ReadThrough<K, V> readThrough) {
    return (key, live, now) -> {
      if (early.isDue(live, now)) {
        early.start(key, store, () -> {
          if (isStillRead(key, live)) {
            readThrough.reload((K) key, (value, meta) -> store((K) key, live, value, -1, meta));
          }
        });
      }
    };
  }

  /**
   * Returns the hook of a {@code getOrCompute} read: a hit may recompute with its function.
   *
   * @param ttlMillis the TTL the function's values are stored with, negative for the policy's
   * @param entryTags the tags the values carry beside the cache's, checked
   */
  @SuppressWarnings("unchecked")
  StoreOps.HitHook withFunction(Function<? super K, ? extends V> compute, long ttlMillis, String[] entryTags) {
    return (key, live, now) -> {
      if (early.isDue(live, now)) {
        early.start(key, store, () -> {
          if (!isStillRead(key, live)) {
            return;
          }
          EntryMeta captured = ops.tags().capture(entryTags);
          long start = System.nanoTime();
          V value = compute.apply((K) key);
          if (value != null) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            store((K) key, live, value, ttlMillis, EntryMeta.combine(captured, EntryMeta.computedIn(millis)));
          }
        });
      }
    };
  }

  /**
   * Returns whether the store still holds the entry read, checked under the lease: a recompute
   * that another process finished between the read and the lease has replaced it.
   */
  private boolean isStillRead(Object key, StoreEntry read) {
    StoreEntry current = store.get(key);
    return current != null && current.version() == read.version();
  }

  private void store(K key, StoreEntry read, V value, long ttlMillis, EntryMeta meta) {
    typeCheck.value(value);
    long now = clock.getAsLong();
    long fixedExpiresAt = ttlMillis < 0 ? ExpiryCalculator.UNCHANGED : ProxyOperations.instantAfter(now, ttlMillis);
    if (!ops.refresh(key, read, value, now, fixedExpiresAt, meta) && ops.live(key, now) == null) {
      ops.storeLoaded(key, value, now, fixedExpiresAt, meta);
    }
  }
}
