package dev.lexigram.cache;

import java.time.Duration;

/**
 * One holding of a {@link DistributedLock}: its fencing token, and the owner-only release and
 * extend. {@link #close()} releases it, so a lease fits try-with-resources. Thread-safe.
 */
public interface LockLease extends AutoCloseable {

  /**
   * Returns the name of the lock this lease holds.
   *
   * @return the name, never null
   */
  String name();

  /**
   * Returns the fencing token the lock was granted with: at least 1 and greater than the token of
   * every earlier grant of the same lock, issued in the same atomic step as the grant.
   *
   * @return the token
   */
  long fencingToken();

  /**
   * Makes the lease end {@code lease} from now, if this caller still holds the lock.
   *
   * @return true if extended, false if the lock is no longer this caller's (its lease ran out and
   *     possibly another owner took it: nothing of the new owner's is touched); an error if the
   *     backend failed
   */
  Result<Boolean> extend(Duration lease);

  /**
   * Releases the lock if this caller still holds it, and stops its renewal.
   *
   * @return true if released, false if the lock was no longer this caller's; an error if the
   *     backend failed
   */
  Result<Boolean> release();

  /** Releases the lock as {@link #release()} does, ignoring the outcome. */
  @Override
  void close();
}
