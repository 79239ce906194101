package dev.lexigram.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One named backend with string keys, reached with
 * {@code manager.unwrap(LexigramCacheManager.class).backend(name)}: the base cache protocol of
 * the design we carry over. Its entries are those of the JCache cache of the same name. Like
 * {@link LexigramCache}, every call returns a {@link Result} and never throws, and every call
 * has an {@code …Async} twin whose stage always completes normally.
 */
public interface CacheBackend extends AutoCloseable {

  /** Returns the backend's name. */
  String name();

  /** Returns the value, empty when the key is absent. */
  Result<Optional<Object>> get(String key);

  /** Stores the value under the backend's default expiry. */
  Result<Void> set(String key, Object value);

  /** Stores the value for {@code ttl} (rounded up to whole milliseconds; must be positive). */
  Result<Void> set(String key, Object value, Duration ttl);

  /** Removes the key; returns whether it was present. */
  Result<Boolean> delete(String key);

  /** Removes every key matching the glob; returns how many it removed. */
  Result<Long> deletePattern(String glob);

  /** Returns whether the key is present. */
  Result<Boolean> exists(String key);

  /** Returns the values of the keys that are present. */
  Result<Map<String, Object>> getMany(Collection<String> keys);

  /** Stores the value with the options' time-to-live (or the backend's default expiry) and tags. */
  Result<Void> set(String key, Object value, WriteOptions options);

  /** Stores every entry as {@link #set(String, Object, WriteOptions)} does. */
  Result<Void> setMany(Map<String, ?> entries, WriteOptions options);

  /**
   * Invalidates the tags on this backend (see {@link LexigramCacheManager#invalidateTags}): every
   * entry of every cache on it that carries one of them reads as absent.
   */
  Result<Void> invalidateTags(String... tags);

  /** Stores every entry under the backend's default expiry. */
  Result<Void> setMany(Map<String, ?> entries);

  /** Stores every entry for {@code ttl}. */
  Result<Void> setMany(Map<String, ?> entries, Duration ttl);

  /** Removes the keys; returns how many were present. */
  Result<Long> deleteMany(Collection<String> keys);

  /** Returns how long the key has left. */
  Result<TimeToLive> ttl(String key);

  /** Gives a present key a new time-to-live; returns false if it is absent. */
  Result<Boolean> expire(String key, Duration ttl);

  /** Makes a present key never expire; returns false if it is absent. */
  Result<Boolean> persist(String key);

  /** Adds {@code delta} to the number under the key (absent counts as 0); returns the new value. */
  Result<Long> increment(String key, long delta);

  /** Removes every entry of this backend's cache. */
  Result<Void> clear();

  /** Returns the round-trip time of a probe call to the backend, or why it failed. */
  Result<Duration> health();

  /**
   * Returns the named lock on this backend; see {@link LexigramCacheManager#lock(String)}.
   *
   * @param name the lock's name; not empty
   * @return the lock, never null
   * @throws IllegalArgumentException if {@code name} is empty
   * @throws NullPointerException if {@code name} is null
   */
  DistributedLock lock(String name);

  /** Closes this backend's cache; a second call does nothing. */
  @Override
  void close();

  CompletionStage<Result<Optional<Object>>> getAsync(String key);

  CompletionStage<Result<Void>> setAsync(String key, Object value);

  CompletionStage<Result<Void>> setAsync(String key, Object value, Duration ttl);

  CompletionStage<Result<Boolean>> deleteAsync(String key);

  CompletionStage<Result<Long>> deletePatternAsync(String glob);

  CompletionStage<Result<Boolean>> existsAsync(String key);

  CompletionStage<Result<Map<String, Object>>> getManyAsync(Collection<String> keys);

  CompletionStage<Result<Void>> setManyAsync(Map<String, ?> entries);

  CompletionStage<Result<Void>> setManyAsync(Map<String, ?> entries, Duration ttl);

  CompletionStage<Result<Long>> deleteManyAsync(Collection<String> keys);

  CompletionStage<Result<TimeToLive>> ttlAsync(String key);

  CompletionStage<Result<Boolean>> expireAsync(String key, Duration ttl);

  CompletionStage<Result<Boolean>> persistAsync(String key);

  CompletionStage<Result<Long>> incrementAsync(String key, long delta);

  CompletionStage<Result<Void>> clearAsync();

  CompletionStage<Result<Void>> setAsync(String key, Object value, WriteOptions options);

  CompletionStage<Result<Void>> setManyAsync(Map<String, ?> entries, WriteOptions options);

  CompletionStage<Result<Void>> invalidateTagsAsync(String... tags);

  CompletionStage<Result<Duration>> healthAsync();
}
