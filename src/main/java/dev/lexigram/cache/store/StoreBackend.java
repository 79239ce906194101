package dev.lexigram.cache.store;

/**
 * One configured backend: it holds what its stores share (a Redis client, a memcached
 * connection pool) and opens the store of each cache that lives on it. The manager opens one per
 * backend on first use and closes it when the manager closes.
 */
public interface StoreBackend extends AutoCloseable {

  /**
   * Opens the store of one cache.
   *
   * @throws StoreException if the backend cannot be reached or the cache cannot be opened
   */
  Store open(StoreContext context);

  /**
   * Returns whether the store serializes values itself, so every read already returns a fresh
   * copy (remote backends). The cache layer then skips its own store-by-value copy.
   */
  default boolean copiesValues() {
    return false;
  }

  /** Returns whether caches on this backend may store by reference (only in-process backends can). */
  default boolean supportsStoreByReference() {
    return true;
  }

  /**
   * Returns whether the stores of this backend may fail, that is throw {@link StoreException}
   * (every backend that talks to something outside the process). The cache layer turns those
   * into the {@code CacheException} the standard promises; for a store that cannot fail it
   * leaves that boundary out of every call.
   */
  default boolean storesMayFail() {
    return true;
  }

  /**
   * Returns the named locks of this backend: in-process for a backend no other process shares,
   * shared by every process on a remote one.
   *
   * @param keyPrefix the backend's {@code key_prefix}, or null for the default; names its locks on the server
   */
  LockStore locks(String keyPrefix);

  /**
   * Returns the tag versions of this backend: in-process for a backend no other process shares,
   * shared by every process on a remote one.
   *
   * @param keyPrefix the backend's {@code key_prefix}, or null for the default; names the versions on the server
   */
  TagStore tags(String keyPrefix);

  /**
   * Asks to be told each time the backend's client has connected again after losing its server
   * (a circuit breaker then probes at once). The default, for a backend that never reconnects or
   * cannot tell, never calls it.
   */
  default void onReconnect(Runnable listener) {
    // nothing to tell
  }

  /** Closes the shared resources; a second call does nothing. */
  @Override
  void close();
}
