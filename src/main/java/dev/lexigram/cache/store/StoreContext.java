package dev.lexigram.cache.store;

import dev.lexigram.cache.config.NearCacheSettings;
import dev.lexigram.cache.near.NearCounters;
import java.time.Clock;
import java.util.Objects;

/**
 * What a backend needs to open the store of one cache.
 *
 * @param cacheName the cache's name; remote stores put it in every key ({@code prefix:cacheName:key})
 * @param clock the time source the cache layer reads; expiry instants are on this clock
 * @param listener told about entries the store removes by itself
 * @param entriesExpire false when the cache's policy is eternal (a store may then skip expiry bookkeeping)
 * @param maxSize the most entries to keep, or null for unbounded (memory only)
 * @param nearCache the cache's near cache (remote backends), or null for none
 * @param nearCounters what the near cache counts; non-null when {@code nearCache} is
 */
public record StoreContext(String cacheName, Clock clock, StoreEvictionListener listener,
    boolean entriesExpire, Long maxSize, NearCacheSettings nearCache, NearCounters nearCounters) {

  public StoreContext {
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
    if (nearCache != null) {
      Objects.requireNonNull(nearCounters, "nearCounters");
    }
  }

  /** A context without a near cache. */
  public StoreContext(String cacheName, Clock clock, StoreEvictionListener listener, boolean entriesExpire,
      Long maxSize) {
    this(cacheName, clock, listener, entriesExpire, maxSize, null, null);
  }
}
