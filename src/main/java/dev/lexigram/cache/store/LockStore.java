package dev.lexigram.cache.store;

/**
 * Named locks held by one owner at a time, with a lease that ends them and a fencing token that
 * grows with every grant (the SPI under {@code DistributedLock}). Each operation is atomic on the
 * backend; an owner is an opaque string, unique per acquisition.
 */
public interface LockStore {

  /**
   * Grants the lock to {@code owner} for {@code leaseMillis} if nobody holds it, with the next
   * fencing token of the name, in one atomic step.
   *
   * @return the fencing token (at least 1, greater than every token the name was granted with
   *     before), or 0 if another owner holds the lock
   * @throws StoreException if the backend cannot be asked
   */
  long tryAcquire(String name, String owner, long leaseMillis);

  /**
   * Ends the lease if {@code owner} still holds the lock.
   *
   * @return false if the lock is no longer the owner's (its lease ran out, another took it)
   * @throws StoreException if the backend cannot be asked
   */
  boolean release(String name, String owner);

  /**
   * Makes the lease end {@code leaseMillis} from now if {@code owner} still holds the lock.
   *
   * @return false if the lock is no longer the owner's
   * @throws StoreException if the backend cannot be asked
   */
  boolean extend(String name, String owner, long leaseMillis);
}
