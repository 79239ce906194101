package dev.lexigram.cache.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** The baseline: a plain unbounded Caffeine cache, no JCache layer, values held by reference. */
final class CaffeineCandidate implements Candidate {

  private final Cache<String, byte[]> cache = Caffeine.newBuilder().build();

  @Override
  public byte[] get(String key) {
    return cache.getIfPresent(key);
  }

  @Override
  public void put(String key, byte[] value) {
    cache.put(key, value);
  }

  @Override
  public void close() {
    cache.invalidateAll();
    cache.cleanUp();
  }
}
