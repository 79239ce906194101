package dev.lexigram.cache.jcache;

import dev.lexigram.cache.store.EntryMeta;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.cache.integration.CompletionListener;

/**
 * JCache's {@code loadAll} of one {@link CacheProxy}: each call loads on the cache's executor and
 * tells its completion listener; the tasks still running are kept so that closing the cache waits
 * for them (with a limit) before it closes the loader.
 */
final class LoadAllTasks<K, V> {

  private final CacheProxy<K, V> cache;
  private final Set<CompletableFuture<Void>> inFlight = ConcurrentHashMap.newKeySet();

  LoadAllTasks(CacheProxy<K, V> cache) {
    this.cache = cache;
  }

  /** Starts loading the keys (only the absent ones unless {@code replaceExistingValues}); the caller checked them. */
  void start(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    CompletionListener done = (listener == null) ? NoCompletionListener.INSTANCE : listener;
    if (cache.loader == null) {
      done.onCompletion();
      return;
    }
    CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
      try {
        Set<K> toLoad = new LinkedHashSet<>();
        long now = cache.now();
        for (K key : keys) {
          if (replaceExistingValues || cache.ops.live(key, now) == null) {
            toLoad.add(key);
          }
        }
        if (!toLoad.isEmpty()) {
          EntryMeta tags = cache.ops.tags().capture(); // before the loader reads anything
          Map<K, V> loaded = cache.loader.loadAllUnprotected(toLoad); // JCache's loadAll loads every key it names
          long loadedAt = cache.now();
          loaded.forEach((key, value) -> cache.ops.storeLoaded(key, value, loadedAt, replaceExistingValues, tags));
        }
        done.onCompletion();
      } catch (Exception e) {
        done.onException(e);
      }
    }, cache.executor);
    inFlight.add(load);
    load.whenComplete((ignored, failure) -> inFlight.remove(load));
  }

  /** Waits, with a time limit, for loadAll tasks still using the loader. */
  void awaitAll() {
    try {
      CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // a failed load already told its completion listener; a slow one is abandoned after the limit
    }
  }
}
