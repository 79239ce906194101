package dev.lexigram.cache.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The floor of any store-by-value cache of {@code byte[]} values: a plain Caffeine cache that
 * clones the array on put and on get, with no JCache layer at all. No by-value provider can answer
 * a get with less work than this (a map lookup plus one array copy), so its ratio to Caffeine's
 * JCache by-value bounds the ratio any provider can reach on this workload.
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
