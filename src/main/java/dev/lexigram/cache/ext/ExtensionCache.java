package dev.lexigram.cache.ext;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.TimeToLive;
import dev.lexigram.cache.WriteOptions;
import dev.lexigram.cache.store.Glob;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.cache.Cache;

/**
 * The {@link LexigramCache} of one JCache cache. Each call goes through the standard cache (so
 * writers, listeners, statistics and expiry apply) or through {@link CacheOperations} for what
 * the standard lacks, inside {@link Outcomes#capture}, so nothing is thrown.
 */
public final class ExtensionCache<K, V> implements LexigramCache<K, V> {

  private final CacheOperations<K, V> operations;
  private final Cache<K, V> cache;
  private final Executor executor;
  private final ErrorCounts errors;

  public ExtensionCache(CacheOperations<K, V> operations, ErrorCounts errors) {
    this.operations = Objects.requireNonNull(operations);
    this.errors = Objects.requireNonNull(errors);
    this.cache = operations.cache();
    this.executor = operations.executor();
  }

  @Override
  public String name() {
    return cache.getName();
  }

  @Override
  public Result<Optional<V>> get(K key) {
    // the hot path: no capturing lambda; a miss allocates nothing, a hit its Result and Optional
    try {
      return operations.getResult(key);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Exception | Error e) {
      return errors.counted(Result.err(Outcomes.toError(e)));
    }
  }

  @Override
  public Result<Void> put(K key, V value) {
    return errors.run(() -> cache.put(key, value));
  }

  @Override
  public Result<Void> put(K key, V value, Duration ttl) {
    return errors.run(() -> operations.put(key, value, Ttls.millisRoundedUp(ttl), List.of()));
  }

  @Override
  public Result<Boolean> delete(K key) {
    return errors.capture(() -> cache.remove(key));
  }

  @Override
  public Result<Iterator<K>> keys(String glob) {
    return errors.capture(() -> operations.keysMatching(compile(glob)));
  }

  @Override
  public Result<Long> deletePattern(String glob) {
    return errors.capture(() -> {
      Glob compiled = compile(glob);
      long removed = 0;
      for (Iterator<K> keys = operations.keysMatching(compiled); keys.hasNext(); ) {
        if (cache.remove(keys.next())) {
          removed++;
        }
      }
      return removed;
    });
  }

  private static Glob compile(String glob) {
    Objects.requireNonNull(glob, "glob");
    try {
      return Glob.compile(glob);
    } catch (IllegalArgumentException e) {
      throw new InvalidPatternException(e);
    }
  }

  @Override
  public Result<Boolean> exists(K key) {
    return errors.capture(() -> cache.containsKey(key));
  }

  @Override
  public Result<Map<K, V>> getMany(Collection<? extends K> keys) {
    return errors.capture(() -> cache.getAll(new LinkedHashSet<>(Objects.requireNonNull(keys, "keys"))));
  }

  @Override
  public Result<Void> putMany(Map<? extends K, ? extends V> entries) {
    return errors.run(() -> cache.putAll(entries));
  }

  @Override
  public Result<Void> putMany(Map<? extends K, ? extends V> entries, Duration ttl) {
    return errors.run(() -> operations.putAll(entries, Ttls.millisRoundedUp(ttl), List.of()));
  }

  @Override
  public Result<Long> deleteMany(Collection<? extends K> keys) {
    return errors.capture(() -> {
      Set<K> distinct = new LinkedHashSet<>(Objects.requireNonNull(keys, "keys"));
      long removed = 0;
      for (K key : distinct) {
        if (cache.remove(key)) {
          removed++;
        }
      }
      return removed;
    });
  }

  @Override
  public Result<TimeToLive> ttl(K key) {
    return errors.capture(() -> operations.timeToLive(key));
  }

  @Override
  public Result<Boolean> expire(K key, Duration ttl) {
    return errors.capture(() -> operations.expire(key, Ttls.millisRoundedUp(ttl)));
  }

  @Override
  public Result<Boolean> persist(K key) {
    return errors.capture(() -> operations.expire(key, -1L));
  }

  @Override
  public Result<Long> increment(K key, long delta) {
    return errors.capture(() -> cache.invoke(key, new IncrementProcessor<>(), delta));
  }

  @Override
  public Result<Void> clear() {
    return errors.run(cache::clear);
  }

  @Override
  public CompletionStage<Result<Optional<V>>> getAsync(K key) {
    return errors.fromStage(() -> operations.getAsync(key), Optional::ofNullable);
  }

  @Override
  public CompletionStage<Result<Void>> putAsync(K key, V value) {
    return errors.fromStage(() -> operations.putAsync(key, value), written -> null);
  }

  @Override
  public CompletionStage<Result<Void>> putAsync(K key, V value, Duration ttl) {
    return Outcomes.async(executor, () -> put(key, value, ttl));
  }

  @Override
  public CompletionStage<Result<Boolean>> deleteAsync(K key) {
    return errors.fromStage(() -> operations.removeAsync(key), Function.identity());
  }

  @Override
  public CompletionStage<Result<Long>> deletePatternAsync(String glob) {
    return Outcomes.async(executor, () -> deletePattern(glob));
  }

  @Override
  public CompletionStage<Result<Boolean>> existsAsync(K key) {
    return errors.fromStage(() -> operations.containsKeyAsync(key), Function.identity());
  }

  @Override
  public CompletionStage<Result<Map<K, V>>> getManyAsync(Collection<? extends K> keys) {
    return errors.fromStage(() -> operations.getAllAsync(new LinkedHashSet<>(Objects.requireNonNull(keys, "keys"))),
        Function.identity());
  }

  @Override
  public CompletionStage<Result<Void>> putManyAsync(Map<? extends K, ? extends V> entries) {
    return Outcomes.async(executor, () -> putMany(entries));
  }

  @Override
  public CompletionStage<Result<Void>> putManyAsync(Map<? extends K, ? extends V> entries, Duration ttl) {
    return Outcomes.async(executor, () -> putMany(entries, ttl));
  }

  @Override
  public CompletionStage<Result<Long>> deleteManyAsync(Collection<? extends K> keys) {
    return Outcomes.async(executor, () -> deleteMany(keys));
  }

  @Override
  public CompletionStage<Result<TimeToLive>> ttlAsync(K key) {
    return Outcomes.async(executor, () -> ttl(key));
  }

  @Override
  public CompletionStage<Result<Boolean>> expireAsync(K key, Duration ttl) {
    return Outcomes.async(executor, () -> expire(key, ttl));
  }

  @Override
  public CompletionStage<Result<Boolean>> persistAsync(K key) {
    return Outcomes.async(executor, () -> persist(key));
  }

  @Override
  public CompletionStage<Result<Long>> incrementAsync(K key, long delta) {
    return Outcomes.async(executor, () -> increment(key, delta));
  }

  @Override
  public Result<V> getOrCompute(K key, Function<? super K, ? extends V> compute) {
    return errors.capture(() -> operations.getOrCompute(key, compute, -1, List.of()));
  }

  @Override
  public Result<V> getOrCompute(K key, Duration ttl, Function<? super K, ? extends V> compute) {
    return errors.capture(() -> operations.getOrCompute(key, compute, Ttls.millisRoundedUp(ttl), List.of()));
  }

  @Override
  public CompletionStage<Result<V>> getOrComputeAsync(K key, Function<? super K, ? extends V> compute) {
    return Outcomes.async(executor, () -> getOrCompute(key, compute));
  }

  @Override
  public CompletionStage<Result<V>> getOrComputeAsync(K key, Duration ttl, Function<? super K, ? extends V> compute) {
    return Outcomes.async(executor, () -> getOrCompute(key, ttl, compute));
  }

  @Override
  public CompletionStage<Result<Void>> clearAsync() {
    return Outcomes.async(executor, () -> clear());
  }

  @Override
  public String toString() {
    return "LexigramCache[" + name() + "]";
  }

  @Override
  public Result<Void> put(K key, V value, WriteOptions options) {
    return errors.run(() -> operations.put(key, value, Ttls.millisOf(options), options.tags()));
  }

  @Override
  public Result<Void> putMany(Map<? extends K, ? extends V> entries, WriteOptions options) {
    return errors.run(() -> operations.putAll(entries, Ttls.millisOf(options), options.tags()));
  }

  @Override
  public Result<V> getOrCompute(K key, WriteOptions options, Function<? super K, ? extends V> compute) {
    return errors.capture(() -> operations.getOrCompute(key, compute, Ttls.millisOf(options), options.tags()));
  }

  @Override
  public CompletionStage<Result<Void>> putAsync(K key, V value, WriteOptions options) {
    return Outcomes.async(executor, () -> put(key, value, options));
  }

  @Override
  public CompletionStage<Result<Void>> putManyAsync(Map<? extends K, ? extends V> entries, WriteOptions options) {
    return Outcomes.async(executor, () -> putMany(entries, options));
  }

  @Override
  public CompletionStage<Result<V>> getOrComputeAsync(K key, WriteOptions options,
      Function<? super K, ? extends V> compute) {
    return Outcomes.async(executor, () -> getOrCompute(key, options, compute));
  }
}
