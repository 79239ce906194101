package dev.lexigram.cache.jcache;

import dev.lexigram.cache.jcache.management.CacheStatistics;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.tag.CacheTags;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A cache's calls for the extension API's async twins, where the standard call needs no blocking
 * user callback: reads on a cache without a loader, blind puts (no writer, no listener, every
 * entry eternal) and removes without a writer or listener. The store is asked through its
 * asynchronous operations ({@link Store#getAsync}, {@link Store#getAllAsync},
 * {@link Store#putAsync}, {@link Store#removeAsync}): on Redis that is Lettuce's asynchronous API,
 * so no thread waits for the server's reply; on memory a read completes at once.
 *
 * <p>Threads: what follows the read runs where the reply arrives when it is bookkeeping only
 * (statistics, copying the value out), and on the cache's executor when it writes to the store
 * (removing an expired entry, applying the policy's access expiry), so that a client's I/O thread
 * never waits for another command. Statistics, expiry and expired events apply as they do to the
 * standard calls.
 */
final class AsyncCalls<K, V> {

  private final Store store;
  private final StoreOps<K, V> ops;
  private final CacheStatistics statistics;
  private final Executor executor;

  AsyncCalls(Store store, StoreOps<K, V> ops, CacheStatistics statistics, Executor executor) {
    this.store = store;
    this.ops = ops;
    this.statistics = statistics;
    this.executor = executor;
  }

  /** Returns the key's live value, or null, as {@code Cache.get} does on a cache without a loader. */
  CompletionStage<V> get(K key, long now) {
    long start = statistics.start();
    return store.getAsync(key, executor).thenCompose(found -> finish(found == null ? List.of() : List.of(found), now, () -> {
      StoreEntry entry = ops.hitOf(key, found, now);
      V value = (entry == null) ? null : ops.valueOf(entry);
      statistics.recordGetTime(start);
      return value;
    }));
  }

  /** Returns the live values of the keys, as {@code Cache.getAll} does on a cache without a loader. */
  CompletionStage<Map<K, V>> getAll(Set<? extends K> keys, long now) {
    long start = statistics.start();
    return store.getAllAsync(keys, executor).thenCompose(found -> finish(found.values(), now, () -> {
      Map<K, StoreEntry> live = ops.liveAmong(keys, found, now);
      Map<K, V> hits = new LinkedHashMap<>((int) (live.size() / 0.75f) + 1);
      ops.collectHits(keys, live, now, hits, null);
      statistics.recordGetTime(start);
      return hits;
    }));
  }

  /** Returns whether the key has a live entry, as {@code Cache.containsKey} does. */
  CompletionStage<Boolean> containsKey(K key, long now) {
    return store.getAsync(key, executor).thenCompose(found -> (found == null
        || (!found.isExpired(now) && !CacheTags.hasTags(found))) // a tag check may ask the backend: not here
        ? CompletableFuture.completedFuture(found != null)
        : CompletableFuture.supplyAsync(() -> ops.liveOf(key, found, now) != null, executor));
  }

  /** Writes as {@code Cache.put} does on a cache that may write blind (see {@code CacheProxy.canWriteBlind}). */
  CompletionStage<Void> putBlind(K key, V value) {
    long start = statistics.start();
    return ops.putBlindAsync(key, value, executor).thenApply(written -> {
      statistics.recordPuts(1);
      statistics.recordPutTime(start);
      return null;
    });
  }

  /** Removes as {@code Cache.remove(key)} does on a cache without a writer or listener. */
  CompletionStage<Boolean> remove(K key, long now) {
    long start = statistics.start();
    return store.removeAsync(key, executor).thenCompose(removed -> {
      if (removed == null || !CacheTags.hasTags(removed)) {
        return CompletableFuture.completedFuture(removed(removed, now, start));
      }
      return CompletableFuture.supplyAsync(() -> removed(removed, now, start), executor); // the tag check may ask the backend
    });
  }

  private boolean removed(StoreEntry removed, long now, long start) {
    // an expired or tag-invalidated entry is removed all the same, but it was not there for the caller
    boolean present = removed != null && !ops.isDead(removed, now);
    if (present) {
      statistics.recordRemovals(1);
    }
    statistics.recordRemoveTime(start);
    return present;
  }

  /** Runs the step here, or on the executor when handling the entries read may write to the store. */
  private <T> CompletionStage<T> finish(Collection<StoreEntry> read, long now, Supplier<T> step) {
    return ops.mayWriteAfterReading(read, now)
        ? CompletableFuture.supplyAsync(step, executor)
        : CompletableFuture.completedFuture(step.get());
  }
}
