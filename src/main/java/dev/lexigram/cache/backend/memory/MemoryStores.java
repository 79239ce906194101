package dev.lexigram.cache.backend.memory;

import dev.lexigram.cache.store.LockStore;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.store.TagStore;
import java.time.Clock;

/** Creates memory stores on Caffeine; the one public entry point of this backend. */
public final class MemoryStores {

  private MemoryStores() {}

  /**
   * Returns a new memory store.
   *
   * @param maxSize the most entries it keeps before evicting, or null for unbounded
   * @param clock the time source that decides when entries expire
   * @param listener told about entries the store expires or evicts by itself
   * @param entriesExpire false when every entry is eternal, which spares Caffeine the per-entry
   *     expiry bookkeeping on each read
   */
  public static Store create(Long maxSize, Clock clock, StoreEvictionListener listener, boolean entriesExpire) {
    return new MemoryStore(maxSize, clock, listener, entriesExpire);
  }

  /** Returns the memory backend: each cache gets a Caffeine store of its own; nothing is shared. */
  public static StoreBackend backend() {
    InProcessLocks locks = new InProcessLocks();
    InProcessTags tags = new InProcessTags();
    return new StoreBackend() {
      @Override
      public LockStore locks(String keyPrefix) {
        return locks;
      }

      @Override
      public TagStore tags(String keyPrefix) {
        return tags;
      }

      @Override
      public Store open(StoreContext context) {
        return create(context.maxSize(), context.clock(), context.listener(), context.entriesExpire());
      }

      @Override
      public boolean storesMayFail() {
        return false; // a map in this process: nothing to reach, nothing to decode
      }

      @Override
      public void close() {
        // nothing shared to release: each store is closed with its cache
      }
    };
  }
}
