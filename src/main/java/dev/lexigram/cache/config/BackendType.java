package dev.lexigram.cache.config;

/**
 * The kind of store behind a backend, written in configuration as {@code memory}, {@code redis}
 * or {@code memcached} (any letter case).
 */
public enum BackendType {
  /** An in-process Caffeine cache; the only type that honours {@code max_size}. */
  MEMORY,
  /** A Redis server, Sentinel set or cluster reached through Lettuce; needs {@code url}. */
  REDIS,
  /** One or more memcached servers reached through spymemcached; needs {@code servers}. */
  MEMCACHED
}
