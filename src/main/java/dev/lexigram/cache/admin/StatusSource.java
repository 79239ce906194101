package dev.lexigram.cache.admin;

import dev.lexigram.cache.LexigramCacheManager;
import java.util.List;

/** What the page reads from its manager. */
public interface StatusSource {

  /** The manager: backends, their health, instruments, semantic caches. */
  LexigramCacheManager manager();

  /** The caches open now. */
  List<CacheStatus> caches();
}
