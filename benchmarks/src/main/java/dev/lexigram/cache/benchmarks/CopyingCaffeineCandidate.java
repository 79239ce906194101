package dev.lexigram.cache.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Plain Caffeine doing what a store-by-value get of a {@code byte[]} requires, with no JCache
 * layer: one lookup and one array clone (the array is cloned on put too). A reference beside
 * Caffeine's JCache by value, not a bound: with the heap settled after the preload, lexigram's
 * by-value get measured faster than it (2026-12-02), so the ratio of this candidate to Caffeine's
 * JCache does not cap what a provider can reach.
 */
final class CopyingCaffeineCandidate implements Candidate {

  private final Cache<String, byte[]> cache = Caffeine.newBuilder().build();

  @Override
  public byte[] get(String key) {
    byte[] value = cache.getIfPresent(key);
    return value == null ? null : value.clone();
  }

  @Override
  public void put(String key, byte[] value) {
    cache.put(key, value.clone());
  }

  @Override
  public void close() {
    cache.invalidateAll();
    cache.cleanUp();
  }
}
