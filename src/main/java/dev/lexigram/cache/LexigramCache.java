package dev.lexigram.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The extension view of one JCache cache, reached with {@code cache.unwrap(LexigramCache.class)}.
 * Every call returns a {@link Result} and never throws: a failure inside the backend, the
 * serializer, or a user callback (loader, writer, listener) comes back as {@link Result.Err} with
 * the matching {@link CacheError.Kind}. A {@code null} key or value is an {@code INVALID_KEY} error.
 *
 * <p>The entries are the ones the standard API sees: writes here run the cache's writer, fire
 * its listeners, count in its statistics and follow its expiry policy, except where a call takes
 * its own time-to-live. Each call has an {@code …Async} twin that runs on the cache's executor
 * and never blocks the caller; its stage always completes normally, with the result.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface LexigramCache<K, V> {

  /** Returns the cache's name. */
  String name();

  /** Returns the value, empty when the key is absent (after read-through, if configured). */
  Result<Optional<V>> get(K key);

  /** Stores the value under the cache's expiry policy. */
  Result<Void> put(K key, V value);

  /**
   * Stores the value for {@code ttl}, whatever the expiry policy says. The TTL is rounded up to
   * whole milliseconds; zero or negative is an {@code UNSUPPORTED} error.
   */
  Result<Void> put(K key, V value, Duration ttl);

  /** Removes the key; returns whether it was present. */
  Result<Boolean> delete(K key);

  /**
   * Removes every key of this cache whose string form matches the glob ({@code *}, {@code ?},
   * {@code [abc]}, {@code \} escapes); returns how many it removed. A malformed pattern is an
   * {@code INVALID_KEY} error. Keys written while the call runs may or may not be removed.
   */
  Result<Long> deletePattern(String glob);

  /** Returns whether the key is present (no read-through, no statistics). */
  Result<Boolean> exists(K key);

  /** Returns the values of the keys that are present. */
  Result<Map<K, V>> getMany(Collection<? extends K> keys);

  /** Stores every entry under the cache's expiry policy. */
  Result<Void> putMany(Map<? extends K, ? extends V> entries);

  /** Stores every entry for {@code ttl}. */
  Result<Void> putMany(Map<? extends K, ? extends V> entries, Duration ttl);

  /** Removes the keys; returns how many were present. */
  Result<Long> deleteMany(Collection<? extends K> keys);

  /**
   * Returns the present keys whose string form the glob matches ({@code *}, {@code ?},
   * {@code [abc]}, {@code \} escapes, as {@link #deletePattern}), read from the server in batches
   * as the iterator advances (Redis {@code SCAN}); it tolerates concurrent changes.
   */
  Result<java.util.Iterator<K>> keys(String glob);

  /** Returns how long the key has left. */
  Result<TimeToLive> ttl(K key);

  /** Gives a present key a new time-to-live; returns false if the key is absent. */
  Result<Boolean> expire(K key, Duration ttl);

  /** Makes a present key never expire; returns false if the key is absent. */
  Result<Boolean> persist(K key);

  /**
   * Adds {@code delta} to the number stored under the key (an absent key counts as 0) and
   * returns the new value, atomically. A value that is not a whole number is {@code UNSUPPORTED}.
   */
  Result<Long> increment(K key, long delta);

  /** Removes every entry without calling the writer or listeners, like {@code Cache.clear()}. */
  Result<Void> clear();

  /**
   * Returns the key's value, computing it with {@code compute} and storing it (under the cache's
   * expiry policy) on a miss: a read-through for code that has no {@code CacheLoader}. With stampede
   * protection on (the default), concurrent calls for one missing key run {@code compute} once, in
   * this process and, on Redis and memcached, in every process together; the others get its value
   * or its failure.
   *
   * @param compute makes the value of a missing key; must not return null
   * @return the value; an error if {@code compute} throws ({@code BACKEND}, with its exception as
   *     the cause), returns null ({@code INVALID_KEY}), or the cache fails
   */
  Result<V> getOrCompute(K key, Function<? super K, ? extends V> compute);

  /** As {@link #getOrCompute(Object, Function)}, storing a computed value with its own time-to-live. */
  Result<V> getOrCompute(K key, Duration ttl, Function<? super K, ? extends V> compute);

  CompletionStage<Result<Optional<V>>> getAsync(K key);

  CompletionStage<Result<Void>> putAsync(K key, V value);

  CompletionStage<Result<Void>> putAsync(K key, V value, Duration ttl);

  CompletionStage<Result<Boolean>> deleteAsync(K key);

  CompletionStage<Result<Long>> deletePatternAsync(String glob);

  CompletionStage<Result<Boolean>> existsAsync(K key);

  CompletionStage<Result<Map<K, V>>> getManyAsync(Collection<? extends K> keys);

  CompletionStage<Result<Void>> putManyAsync(Map<? extends K, ? extends V> entries);

  CompletionStage<Result<Void>> putManyAsync(Map<? extends K, ? extends V> entries, Duration ttl);

  CompletionStage<Result<Long>> deleteManyAsync(Collection<? extends K> keys);

  CompletionStage<Result<TimeToLive>> ttlAsync(K key);

  CompletionStage<Result<Boolean>> expireAsync(K key, Duration ttl);

  CompletionStage<Result<Boolean>> persistAsync(K key);

  CompletionStage<Result<Long>> incrementAsync(K key, long delta);

  CompletionStage<Result<Void>> clearAsync();

  /**
   * Stores the value with the options' time-to-live (or the cache's expiry) and tags: the entry
   * carries them beside its cache's, and reads as absent, in every process, once any of them is
   * invalidated ({@link LexigramCacheManager#invalidateTags}).
   */
  Result<Void> put(K key, V value, WriteOptions options);

  /** Stores every entry as {@link #put(Object, Object, WriteOptions)} does. */
  Result<Void> putMany(Map<? extends K, ? extends V> entries, WriteOptions options);

  /**
   * As {@link #getOrCompute(Object, Function)}, storing a computed value with the options' time-to-live
   * and tags; the tags' versions are taken before {@code compute} runs, so a value computed from
   * data read before an invalidation of one of them never outlives it.
   */
  Result<V> getOrCompute(K key, WriteOptions options, Function<? super K, ? extends V> compute);

  /** As {@link #put(Object, Object, WriteOptions)}, on the cache's executor. */
  CompletionStage<Result<Void>> putAsync(K key, V value, WriteOptions options);

  /** As {@link #putMany(Map, WriteOptions)}, on the cache's executor. */
  CompletionStage<Result<Void>> putManyAsync(Map<? extends K, ? extends V> entries, WriteOptions options);

  /** As {@link #getOrCompute(Object, WriteOptions, Function)}, on the cache's executor. */
  CompletionStage<Result<V>> getOrComputeAsync(K key, WriteOptions options, Function<? super K, ? extends V> compute);

  /** As {@link #getOrCompute(Object, Function)}, on the cache's executor. */
  CompletionStage<Result<V>> getOrComputeAsync(K key, Function<? super K, ? extends V> compute);

  /** As {@link #getOrCompute(Object, Duration, Function)}, on the cache's executor. */
  CompletionStage<Result<V>> getOrComputeAsync(K key, Duration ttl, Function<? super K, ? extends V> compute);
}
