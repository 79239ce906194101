package dev.lexigram.cache.lock;

import dev.lexigram.cache.DistributedLock;
import dev.lexigram.cache.store.LockStore;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The named locks of one backend, and the leases of them this manager renews. Closing it stops
 * every renewal (the leases then run out on their own). Thread-safe.
 */
public final class BackendLocks implements AutoCloseable {

  private final LockStore store;
  private final ScheduledExecutorService renewals;
  private final Set<HeldLease> renewed = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private final LockCounters counters = new LockCounters();

  /** Returns what this backend's locks counted in this process. */
  public LockCounters counters() {
    return counters;
  }

  /**
   * @param store the backend's lock store
   * @param renewals the scheduler renewals run on; shared, not closed by this
   */
  public BackendLocks(LockStore store, ScheduledExecutorService renewals) {
    this.store = Objects.requireNonNull(store);
    this.renewals = Objects.requireNonNull(renewals);
  }

  /** Returns the named lock; see {@link dev.lexigram.cache.LexigramCacheManager#lock(String)}. */
  public DistributedLock lock(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("A lock name must not be empty");
    }
    return new NamedLock(this, name);
  }

  LockStore store() {
    return store;
  }

  ScheduledExecutorService renewals() {
    return renewals;
  }

  boolean isClosed() {
    return closed;
  }

  void renewing(HeldLease lease) {
    renewed.add(lease);
    if (closed) {
      lease.stopRenewal();
    }
  }

  void notRenewing(HeldLease lease) {
    renewed.remove(lease);
  }

  /** Stops every renewal; a second call does nothing. */
  @Override
  public void close() {
    closed = true;
    renewed.forEach(HeldLease::stopRenewal);
    renewed.clear();
  }
}
