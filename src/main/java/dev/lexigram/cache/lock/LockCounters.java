package dev.lexigram.cache.lock;

import java.util.concurrent.atomic.LongAdder;

/** What the named locks of one backend did in this process: acquisitions, contention, give-ups. */
public final class LockCounters {

  private final LongAdder acquired = new LongAdder();
  private final LongAdder contended = new LongAdder();
  private final LongAdder timedOut = new LongAdder();
  private final LongAdder released = new LongAdder();

  void acquired(boolean afterWaiting) {
    acquired.increment();
    if (afterWaiting) {
      contended.increment();
    }
  }

  void timedOut(boolean afterWaiting) {
    timedOut.increment();
    if (afterWaiting) {
      contended.increment();
    }
  }

  void released() {
    released.increment();
  }

  /** Leases taken here and not released yet (a lease left to expire counts until the process releases it). */
  public long held() {
    return acquired.sum() - released.sum();
  }

  /** Leases taken. */
  public long acquired() {
    return acquired.sum();
  }

  /** Acquisitions that found the lock held and had to wait (whether they got it or not). */
  public long contended() {
    return contended.sum();
  }

  /** Acquisitions that gave up: the lock stayed held for the whole wait. */
  public long timedOut() {
    return timedOut.sum();
  }
}
