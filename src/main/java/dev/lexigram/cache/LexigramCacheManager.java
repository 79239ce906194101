package dev.lexigram.cache;

import java.util.Set;
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
}
