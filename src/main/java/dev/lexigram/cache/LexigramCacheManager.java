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
}
