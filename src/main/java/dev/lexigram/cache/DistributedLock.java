package dev.lexigram.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * A named lock held by one owner at a time in every process that shares the backend (in this
 * process only on a memory backend), with a lease that ends it and a fencing token. Get one from
 * {@link LexigramCacheManager#lock(String)} or {@link CacheBackend#lock(String)}. Thread-safe.
 *
 * <p>A lease is not a guarantee: a holder paused longer than its lease (a GC pause, a frozen VM)
 * can still act after another owner took the lock. Make the resource you protect check the
 * {@linkplain LockLease#fencingToken() fencing token}: it grows with every grant, so the resource
 * refuses a write carrying a token lower than one it has seen. See {@code docs/locks.md}.
 */
public interface DistributedLock {

  /**
   * Returns the lock's name.
   *
   * @return the name, never null
   */
  String name();

  /**
   * Tries to take the lock, waiting for it up to {@code wait}.
   *
   * @param wait how long to wait for the lock if another owner holds it; zero for one try
   * @param lease how long the lock stays this caller's unless released or extended; positive
   * @return the lease if taken, empty if the wait passed; an error if the backend failed
   *     ({@code CONNECTION}, {@code TIMEOUT}) or an argument is invalid
   */
  Result<Optional<LockLease>> tryAcquire(Duration wait, Duration lease);

  /**
   * As {@link #tryAcquire(Duration, Duration)}, and renews the lease every third of it while the
   * calling thread lives, until it is released, the thread ends, the manager closes or
   * {@code renewFor} has passed since the lock was taken (a hard maximum).
   *
   * @param renewFor the longest the lease is renewed for; positive
   */
  Result<Optional<LockLease>> tryAcquire(Duration wait, Duration lease, Duration renewFor);
}
