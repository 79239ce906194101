package dev.lexigram.cache.lock;

import dev.lexigram.cache.LockLease;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.ext.Outcomes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease this process holds. Renewal, when asked for, extends it every third of the lease on the
 * backend's scheduler while the owning thread lives, and stops on release, on the owner thread's
 * end, on a renewal the store refused (the lease was lost), after {@code renewFor}, and when the
 * manager closes.
 */
final class HeldLease implements LockLease {

  private static final Logger LOG = LoggerFactory.getLogger(HeldLease.class);

  private final BackendLocks locks;
  private final String name;
  private final String owner;
  private final long token;
  private volatile ScheduledFuture<?> renewal;
  private final AtomicBoolean released = new AtomicBoolean();

  HeldLease(BackendLocks locks, String name, String owner, long token) {
    this.locks = locks;
    this.name = name;
    this.owner = owner;
    this.token = token;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long fencingToken() {
    return token;
  }

  @Override
  public Result<Boolean> extend(Duration lease) {
    return Outcomes.capture(() -> {
      Objects.requireNonNull(lease, "lease");
      if (lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("lease must be positive, got " + lease);
      }
      return locks.store().extend(name, owner, lease.toMillis());
    });
  }

  @Override
  public Result<Boolean> release() {
    stopRenewal();
    if (released.compareAndSet(false, true)) {
      locks.counters().released();
    }
    return Outcomes.capture(() -> locks.store().release(name, owner));
  }

  @Override
  public void close() {
    release();
  }

  /** Starts renewing every third of the lease while {@code holder} lives, for at most {@code renewFor}. */
  void renew(long leaseMillis, Duration renewFor, Thread holder) {
    long period = Math.max(1, leaseMillis / 3);
    long until = System.nanoTime() + renewFor.toNanos();
    renewal = locks.renewals().scheduleAtFixedRate(() -> {
      if (!holder.isAlive() || System.nanoTime() - until >= 0 || locks.isClosed()) {
        stopRenewal();
        return;
      }
      try {
        if (!locks.store().extend(name, owner, leaseMillis)) {
          LOG.warn("Lock '{}' (token {}) was lost before its renewal: its lease ran out", name, token);
          stopRenewal();
        }
      } catch (RuntimeException e) {
        // the next renewal tries again; the lease itself still runs until it ends
        LOG.debug("Renewal of lock '{}' failed: {}", name, e.toString());
      }
    }, period, period, TimeUnit.MILLISECONDS);
    locks.renewing(this);
  }

  /** Returns whether this lease is still being renewed. */
  boolean isRenewing() {
    ScheduledFuture<?> current = renewal;
    return current != null && !current.isDone();
  }

  void stopRenewal() {
    ScheduledFuture<?> current = renewal;
    if (current != null) {
      current.cancel(false);
      locks.notRenewing(this);
    }
  }

  @Override
  public String toString() {
    return "LockLease[" + name + ", token " + token + "]"; // never the owner: it authorises a release
  }
}
