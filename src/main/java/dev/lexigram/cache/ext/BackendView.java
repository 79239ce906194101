package dev.lexigram.cache.ext;

import dev.lexigram.cache.CacheBackend;
import dev.lexigram.cache.DistributedLock;
import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.TimeToLive;
import dev.lexigram.cache.WriteOptions;
import dev.lexigram.cache.tag.TagVersions;
import dev.lexigram.cache.tag.Tags;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A backend's {@link CacheBackend}: the reference protocol's names over the
 * {@link LexigramCache} of the backend's own JCache cache.
 */
public final class BackendView implements CacheBackend {

  private final LexigramCache<String, Object> cache;
  private final Runnable closer;
  private final Executor executor;
  private final Function<String, DistributedLock> locks;
  private final TagVersions tags;

  /**
   * @param cache the extension view of the backend's cache
   * @param closer closes the backend's cache
   * @param executor where asynchronous calls run
   * @param locks the backend's named locks
   * @param tags the backend's tag versions
   */
  public BackendView(LexigramCache<String, Object> cache, Runnable closer, Executor executor,
      Function<String, DistributedLock> locks, TagVersions tags) {
    this.tags = tags;
    this.cache = cache;
    this.closer = closer;
    this.executor = executor;
    this.locks = locks;
  }

  @Override
  public DistributedLock lock(String name) {
    return locks.apply(name);
  }

  @Override
  public String name() {
    return cache.name();
  }

  @Override
  public Result<Optional<Object>> get(String key) {
    return cache.get(key);
  }

  @Override
  public Result<Void> set(String key, Object value) {
    return cache.put(key, value);
  }

  @Override
  public Result<Void> set(String key, Object value, Duration ttl) {
    return cache.put(key, value, ttl);
  }

  @Override
  public Result<Boolean> delete(String key) {
    return cache.delete(key);
  }

  @Override
  public Result<Long> deletePattern(String glob) {
    return cache.deletePattern(glob);
  }

  @Override
  public Result<Boolean> exists(String key) {
    return cache.exists(key);
  }

  @Override
  public Result<Map<String, Object>> getMany(Collection<String> keys) {
    return cache.getMany(keys);
  }

  @Override
  public Result<Void> setMany(Map<String, ?> entries) {
    return cache.putMany(entries);
  }

  @Override
  public Result<Void> setMany(Map<String, ?> entries, Duration ttl) {
    return cache.putMany(entries, ttl);
  }

  @Override
  public Result<Long> deleteMany(Collection<String> keys) {
    return cache.deleteMany(keys);
  }

  @Override
  public Result<TimeToLive> ttl(String key) {
    return cache.ttl(key);
  }

  @Override
  public Result<Boolean> expire(String key, Duration ttl) {
    return cache.expire(key, ttl);
  }

  @Override
  public Result<Boolean> persist(String key) {
    return cache.persist(key);
  }

  @Override
  public Result<Long> increment(String key, long delta) {
    return cache.increment(key, delta);
  }

  @Override
  public Result<Void> clear() {
    return cache.clear();
  }

  @Override
  public Result<Duration> health() {
    String probe = "__lexigram_health__:" + ThreadLocalRandom.current().nextLong();
    long start = System.nanoTime();
    return cache.exists(probe).map(present -> Duration.ofNanos(System.nanoTime() - start));
  }

  @Override
  public void close() {
    closer.run();
  }

  @Override
  public CompletionStage<Result<Optional<Object>>> getAsync(String key) {
    return cache.getAsync(key);
  }

  @Override
  public CompletionStage<Result<Void>> setAsync(String key, Object value) {
    return cache.putAsync(key, value);
  }

  @Override
  public CompletionStage<Result<Void>> setAsync(String key, Object value, Duration ttl) {
    return cache.putAsync(key, value, ttl);
  }

  @Override
  public CompletionStage<Result<Boolean>> deleteAsync(String key) {
    return cache.deleteAsync(key);
  }

  @Override
  public CompletionStage<Result<Long>> deletePatternAsync(String glob) {
    return cache.deletePatternAsync(glob);
  }

  @Override
  public CompletionStage<Result<Boolean>> existsAsync(String key) {
    return cache.existsAsync(key);
  }

  @Override
  public CompletionStage<Result<Map<String, Object>>> getManyAsync(Collection<String> keys) {
    return cache.getManyAsync(keys);
  }

  @Override
  public CompletionStage<Result<Void>> setManyAsync(Map<String, ?> entries) {
    return cache.putManyAsync(entries);
  }

  @Override
  public CompletionStage<Result<Void>> setManyAsync(Map<String, ?> entries, Duration ttl) {
    return cache.putManyAsync(entries, ttl);
  }

  @Override
  public CompletionStage<Result<Long>> deleteManyAsync(Collection<String> keys) {
    return cache.deleteManyAsync(keys);
  }

  @Override
  public CompletionStage<Result<TimeToLive>> ttlAsync(String key) {
    return cache.ttlAsync(key);
  }

  @Override
  public CompletionStage<Result<Boolean>> expireAsync(String key, Duration ttl) {
    return cache.expireAsync(key, ttl);
  }

  @Override
  public CompletionStage<Result<Boolean>> persistAsync(String key) {
    return cache.persistAsync(key);
  }

  @Override
  public CompletionStage<Result<Long>> incrementAsync(String key, long delta) {
    return cache.incrementAsync(key, delta);
  }

  @Override
  public CompletionStage<Result<Void>> clearAsync() {
    return cache.clearAsync();
  }

  @Override
  public CompletionStage<Result<Duration>> healthAsync() {
    return Outcomes.async(executor, this::health);
  }

  @Override
  public String toString() {
    return "CacheBackend[" + name() + "]";
  }

  @Override
  public Result<Void> set(String key, Object value, WriteOptions options) {
    return cache.put(key, value, options);
  }

  @Override
  public Result<Void> setMany(Map<String, ?> entries, WriteOptions options) {
    return cache.putMany(entries, options);
  }

  @Override
  public Result<Void> invalidateTags(String... tags) {
    return Outcomes.run(() -> this.tags.invalidate(Tags.of(Arrays.asList(tags))));
  }

  @Override
  public CompletionStage<Result<Void>> setAsync(String key, Object value, WriteOptions options) {
    return cache.putAsync(key, value, options);
  }

  @Override
  public CompletionStage<Result<Void>> setManyAsync(Map<String, ?> entries, WriteOptions options) {
    return cache.putManyAsync(entries, options);
  }

  @Override
  public CompletionStage<Result<Void>> invalidateTagsAsync(String... tags) {
    return Outcomes.async(executor, () -> invalidateTags(tags));
  }
}
