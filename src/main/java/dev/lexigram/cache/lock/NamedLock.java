package dev.lexigram.cache.lock;

import dev.lexigram.cache.DistributedLock;
import dev.lexigram.cache.LockLease;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.ext.Outcomes;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One named lock of a backend. An acquisition tries the store, then retries from 5 ms, doubling
 * to 100 ms between tries, until the lock is free or the wait has passed; each acquisition has an
 * owner of its own (a random UUID), so no two leases, even of one thread, can release each other's.
 */
final class NamedLock implements DistributedLock {

  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final BackendLocks locks;
  private final String name;

  NamedLock(BackendLocks locks, String name) {
    this.locks = locks;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Result<Optional<LockLease>> tryAcquire(Duration wait, Duration lease) {
    return Outcomes.capture(() -> acquire(wait, lease, null));
  }

  @Override
  public Result<Optional<LockLease>> tryAcquire(Duration wait, Duration lease, Duration renewFor) {
    return Outcomes.capture(() -> acquire(wait, lease, positive(renewFor, "renewFor")));
  }

  private Optional<LockLease> acquire(Duration wait, Duration lease, Duration renewFor) throws InterruptedException {
    Objects.requireNonNull(wait, "wait");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("wait must not be negative, got " + wait);
    }
    long leaseMillis = positive(lease, "lease").toMillis();
    String owner = UUID.randomUUID().toString();
    long deadline = System.nanoTime() + wait.toNanos();
    long pause = FIRST_PAUSE_NANOS;
    boolean waited = false;
    while (true) {
      long token = locks.store().tryAcquire(name, owner, leaseMillis);
      if (token > 0) {
        locks.counters().acquired(waited);
        HeldLease held = new HeldLease(locks, name, owner, token);
        if (renewFor != null) {
          held.renew(leaseMillis, renewFor, Thread.currentThread());
        }
        return Optional.of(held);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        locks.counters().timedOut(waited);
        return Optional.empty();
      }
      waited = true;
      LockSupport.parkNanos(Math.min(pause, left));
      if (Thread.interrupted()) {
        throw new InterruptedException("Interrupted while waiting for lock '" + name + "'");
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
    }
  }

  private static Duration positive(Duration duration, String what) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + duration);
    }
    return duration;
  }

  @Override
  public String toString() {
    return "DistributedLock[" + name + "]";
  }
}
