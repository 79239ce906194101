package dev.lexigram.cache;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import javax.cache.CacheManager;

/**
 * What lexigram-cache's {@link CacheManager} offers beyond the standard, reached with
 * {@code manager.unwrap(LexigramCacheManager.class)}.
 */
public interface LexigramCacheManager extends CacheManager {

  /**
   * Returns where the manager's configuration came from: {@code classpath:…}, {@code file:…} or
   * {@code built-in default}. Never null.
   */
  String configurationSource();

  /**
   * Returns the names of the caches the configuration declares (every backend and every
   * {@code caches:} entry), whether or not they have been opened yet. Never null.
   */
  Set<String> declaredCacheNames();

  /** Returns the names of the backends the configuration declares, in file order. Never null. */
  Set<String> backendNames();

  /**
   * Probes every declared backend ({@link CacheBackend#health}), in file order: each one's round
   * trip, or why it failed, including a backend that could not be opened at all.
   */
  Map<String, Result<Duration>> health();

  /**
   * Returns the extension view of a backend the configuration declares: string keys, the
   * reference's base protocol, the same entries as the JCache cache of that name.
   *
   * @throws IllegalArgumentException if no backend of that name is declared (the message lists them)
   * @throws IllegalStateException if the manager is closed
   */
  CacheBackend backend(String name);

  /**
   * Returns the named lock on the default backend: shared by every process using that backend
   * (Redis, memcached), or held in this process (memory).
   *
   * @param name the lock's name; not empty
   * @return the lock, never null
   * @throws IllegalArgumentException if {@code name} is empty
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalStateException if the manager is closed
   */
  DistributedLock lock(String name);

  /**
   * Invalidates the tags on every backend of this manager: no entry written before that carries
   * one of them is read again, by this process at once and by every other process sharing a
   * backend within its {@code tag_staleness} (100 ms by default). One write per tag per backend,
   * whatever the number of entries carrying it; the entries themselves are reclaimed by their
   * expiry, the server's eviction, or the next write of their keys.
   *
   * @return ok, or {@code INVALID_KEY} for a blank tag, one longer than 200 characters or with
   *     control characters; a backend that cannot be reached fails with its error kind (the
   *     backends before it are invalidated)
   */
  Result<Void> invalidateTags(String... tags);

  /** As {@link #invalidateTags}, on the manager's executor. */
  CompletionStage<Result<Void>> invalidateTagsAsync(String... tags);

  /**
   * Returns the semantic cache of LLM answers declared under {@code cache.semantic.<name>}, opening
   * it on first use: that loads its embedding model (about a second for the default one) and, on
   * Redis or memcached, indexes the answers other processes stored.
   *
   * @throws IllegalArgumentException if no semantic cache of that name is declared (the message
   *     lists them)
   * @throws javax.cache.CacheException if its embedding model or backend cannot be opened (the
   *     message names the artifact or key to fix)
   * @throws IllegalStateException if the manager is closed
   */
  SemanticCache semanticCache(String name);

  /**
   * Returns what this manager measures beyond the JCache statistics (near caches, circuit
   * breakers, tag invalidations, stampede protection, locks, semantic caches, extension calls):
   * the source of {@link dev.lexigram.cache.metrics.LexigramMetrics} for Micrometer.
   */
  dev.lexigram.cache.metrics.Instruments instruments();

  /**
   * Returns where this manager's status page is served ({@code cache.service.admin}), or empty
   * when it is off.
   */
  Optional<URI> adminPage();
}
