package dev.lexigram.cache.jcache;

import dev.lexigram.cache.Result;
import dev.lexigram.cache.TimeToLive;
import dev.lexigram.cache.ext.CacheOperations;
import dev.lexigram.cache.jcache.expiry.ExpiryCalculator;
import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.EntryReader;
import dev.lexigram.cache.store.Glob;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.tag.Tags;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.cache.Cache;

/**
 * What the extension API needs of one cache beyond the standard API ({@link CacheOperations}),
 * on the cache's own parts: the same checks, writer, statistics, expiry and stampede protection as
 * the standard calls of {@link CacheProxy}.
 */
final class ProxyOperations<K, V> implements CacheOperations<K, V> {

  /** The extension API's result of every miss. */
  private static final Result<Optional<Object>> MISS = Result.ok(Optional.empty());

  private final CacheProxy<K, V> cache;

  ProxyOperations(CacheProxy<K, V> cache) {
    this.cache = cache;
  }

  @Override
  public Result<Optional<V>> getResult(K key) {
    V value = cache.get(key);
    return (value == null) ? missResult() : Result.ok(Optional.of(value));
  }

  @SuppressWarnings("unchecked")
  private static <V> Result<Optional<V>> missResult() {
    return (Result<Optional<V>>) (Result<?>) MISS;
  }

  @Override
  public Cache<K, V> cache() {
    return cache;
  }

  @Override
  public Executor executor() {
    return cache.executor;
  }

  @Override
  public CompletionStage<V> getAsync(K key) {
    cache.requireOpen();
    cache.typeCheck.key(key);
    // a loader is a blocking user callback: a read-through cache runs the whole call on the executor
    return (cache.readThrough == null) ? cache.asyncCalls.get(key, cache.now()) : CompletableFuture.supplyAsync(() -> cache.get(key), cache.executor);
  }

  @Override
  public CompletionStage<Map<K, V>> getAllAsync(Set<? extends K> keys) {
    cache.requireOpen();
    TypeCheck.requireNoNullKeys(keys);
    return (cache.readThrough == null) ? cache.asyncCalls.getAll(keys, cache.now()) : CompletableFuture.supplyAsync(() -> cache.getAll(keys), cache.executor);
  }

  @Override
  public CompletionStage<Boolean> containsKeyAsync(K key) {
    cache.requireOpen();
    cache.typeCheck.key(key);
    return cache.asyncCalls.containsKey(key, cache.now());
  }

  @Override
  public CompletionStage<Void> putAsync(K key, V value) {
    cache.requireOpen();
    cache.typeCheck.entry(key, value);
    return (cache.writeThrough == null && cache.canWriteBlind())
        ? cache.asyncCalls.putBlind(key, value) : CompletableFuture.runAsync(() -> cache.put(key, value), cache.executor);
  }

  @Override
  public CompletionStage<Boolean> removeAsync(K key) {
    cache.requireOpen();
    cache.typeCheck.key(key);
    // a writer and a synchronous listener are blocking user callbacks: with either, the standard call runs on the executor
    return (cache.writeThrough == null && !cache.dispatcher.hasListeners())
        ? cache.asyncCalls.remove(key, cache.now()) : CompletableFuture.supplyAsync(() -> cache.remove(key), cache.executor);
  }

  @Override
  public void put(K key, V value, long ttlMillis, List<String> tags) {
    cache.requireOpen();
    cache.typeCheck.entry(key, value);
    write(key, value, ttlMillis, cache.ops.tags().capture(Tags.of(tags)));
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map, long ttlMillis, List<String> tags) {
    cache.requireOpen();
    Objects.requireNonNull(map, "map");
    map.forEach(cache.typeCheck::entry);
    EntryMeta meta = cache.ops.tags().capture(Tags.of(tags));
    for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
      write(entry.getKey(), entry.getValue(), ttlMillis, meta);
    }
  }

  static long instantAfter(long now, long ttlMillis) {
    long at = now + ttlMillis;
    return (at < now || at == StoreEntry.ETERNAL) ? StoreEntry.ETERNAL - 1 : at;
  }

  @Override
  public TimeToLive timeToLive(K key) {
    cache.requireOpen();
    cache.typeCheck.key(key);
    long now = cache.clock.millis();
    StoreEntry entry = cache.ops.live(key, now);
    if (entry == null) {
      return TimeToLive.missing();
    }
    return entry.expiresAt() == StoreEntry.ETERNAL
        ? TimeToLive.persistent() : TimeToLive.of(Duration.ofMillis(entry.expiresAt() - now));
  }

  @Override
  public V getOrCompute(K key, Function<? super K, ? extends V> compute, long ttlMillis, List<String> tags) {
    cache.requireOpen();
    cache.typeCheck.key(key);
    Objects.requireNonNull(compute, "compute");
    String[] entryTags = Tags.of(tags);
    // never the loader: compute stands in for it, and recomputes early when the cache does so
    EntryReader<V> reader = (cache.earlyRefresh == null) ? cache.liveValues
        : cache.ops.liveValues(null, cache.earlyRefresh.withFunction(compute, ttlMillis, entryTags));
    V present = cache.store.read(key, reader);
    if (cache.statistics.isEnabled()) {
      if (present != null) {
        cache.statistics.recordHits(1);
      } else {
        cache.statistics.recordMisses(1);
      }
    }
    return present != null ? present : cache.stampede.load(key, k -> {
      EntryMeta captured = cache.ops.tags().capture(entryTags); // before compute reads anything
      long start = System.nanoTime();
      V computed = Objects.requireNonNull(compute.apply(k), () -> "getOrCompute: compute returned null for key " + k);
      cache.typeCheck.value(computed);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      write(k, computed, ttlMillis, EntryMeta.combine(captured, EntryMeta.computedIn(millis)));
      return computed;
    });
  }

  /**
   * Writes as a put does (writer, events, statistics), with a fixed expiry of now + {@code ttlMillis}
   * (the policy's when negative) and the meta, which carries the tags captured by the caller.
   */
  private void write(K key, V value, long ttlMillis, EntryMeta meta) {
    long start = cache.statistics.start();
    if (cache.writeThrough != null) {
      cache.writeThrough.write(new EntryImpl<>(key, value));
    }
    if (ttlMillis >= 0) {
      cache.eternal = false;
    }
    long now = cache.clock.millis();
    long fixedExpiresAt = ttlMillis < 0 ? ExpiryCalculator.UNCHANGED : instantAfter(now, ttlMillis);
    if (cache.ops.put(key, value, now, fixedExpiresAt, meta) != StoreOps.NOT_STORED) {
      cache.statistics.recordPuts(1);
      cache.statistics.recordPutTime(start);
    }
  }

  @Override
  public boolean expire(K key, long ttlMillis) {
    cache.requireOpen();
    cache.typeCheck.key(key);
    long now = cache.clock.millis();
    if (ttlMillis >= 0) {
      cache.eternal = false;
    }
    return cache.ops.setExpiry(key, now, ttlMillis < 0 ? StoreEntry.ETERNAL : instantAfter(now, ttlMillis));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterator<K> keysMatching(Glob glob) {
    cache.requireOpen();
    return (Iterator<K>) (Iterator<?>) cache.store.keys(glob);
  }
}
