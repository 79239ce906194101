package dev.lexigram.cache.ext;

import dev.lexigram.cache.Result;
import dev.lexigram.cache.TimeToLive;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.cache.Cache;

/**
 * What the extension API needs from the JCache layer beyond the standard {@link Cache}: writes
 * with their own time-to-live, expiry inspection and changes, and key enumeration by glob. The
 * JCache layer's cache implements it; these calls throw as the standard API does, and
 * {@link ExtensionCache} turns every failure into a result.
 */
public interface CacheOperations<K, V> {

  /** Returns the standard cache these operations act on. */
  Cache<K, V> cache();

  /**
   * Reads as {@link Cache#get} does and returns the value as the extension API's result: a
   * shared result for a miss, and on a store-by-reference cache the same result object for every
   * hit on the same stored entry. Failures throw as {@link Cache#get} does.
   */
  Result<Optional<V>> getResult(K key);

  /**
   * Reads as {@link Cache#get} does without a thread waiting for a remote store's reply (a
   * read-through cache runs the standard call on the {@link #executor()}). Argument failures
   * throw; store failures complete the stage exceptionally.
   */
  CompletionStage<V> getAsync(K key);

  /** Reads as {@link Cache#getAll} does, asynchronously as {@link #getAsync} does. */
  CompletionStage<Map<K, V>> getAllAsync(Set<? extends K> keys);

  /** Answers {@link Cache#containsKey} asynchronously as {@link #getAsync} does. */
  CompletionStage<Boolean> containsKeyAsync(K key);

  /** Puts as {@link Cache#put} does, asynchronously as {@link #getAsync} does where no writer or listener must run. */
  CompletionStage<Void> putAsync(K key, V value);

  /** Removes as {@link Cache#remove(Object)} does, asynchronously as {@link #putAsync} does. */
  CompletionStage<Boolean> removeAsync(K key);

  /**
   * Puts with a fixed expiry instant of now + {@code ttlMillis} (under the expiry policy when
   * negative), the entry carrying the tags (checked here) beside its cache's; writer, events and
   * statistics apply.
   *
   * @throws dev.lexigram.cache.tag.InvalidTagException if a tag breaks the rules
   */
  void put(K key, V value, long ttlMillis, List<String> tags);

  /** Puts every entry as {@link #put(Object, Object, long, List)} does. */
  void putAll(Map<? extends K, ? extends V> entries, long ttlMillis, List<String> tags);

  /** Returns how long the key has left. */
  TimeToLive timeToLive(K key);

  /**
   * Sets a present key's expiry to now + {@code ttlMillis}, or to never when {@code ttlMillis}
   * is negative; returns false if the key is absent.
   */
  boolean expire(K key, long ttlMillis);

  /** Returns the keys whose string form matches the glob; it tolerates concurrent changes. */
  Iterator<K> keysMatching(dev.lexigram.cache.store.Glob glob);

  /**
   * Returns the key's value without calling a loader, or on a miss the value {@code compute} made
   * and stored: with a fixed expiry instant of now + {@code ttlMillis}, or under the expiry policy
   * when {@code ttlMillis} is negative. Concurrent calls for one missing key share one compute under
   * the cache's stampede protection. A null from {@code compute} throws {@link NullPointerException}.
   * A computed entry carries the tags beside its cache's, with their versions from before
   * {@code compute} ran.
   */
  V getOrCompute(K key, Function<? super K, ? extends V> compute, long ttlMillis, List<String> tags);

  /** Returns the executor asynchronous calls run on. */
  Executor executor();
}
