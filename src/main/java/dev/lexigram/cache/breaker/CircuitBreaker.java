package dev.lexigram.cache.breaker;

import dev.lexigram.cache.config.CircuitBreakerSettings;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One backend's circuit: closed (calls pass, consecutive connection failures are counted), open
 * (calls fail at once, for {@code reset_after}), half-open (one call, the probe, passes; the others
 * still fail at once). A failure that says the server could not be reached (kind CONNECTION or
 * TIMEOUT) counts; {@code threshold} of them in a row open the circuit. Any answer from the
 * server (a success, or a failure of another kind) closes it and resets the count. A reconnect of
 * the client {@linkplain #probeNow lets a probe through} without waiting.
 *
 * <p>State and a generation share one atomic word, changed by compare-and-set: every change of
 * state starts a new generation, and a call is judged only against the generation it passed in.
 * So the calls still in flight when the circuit opened (a hung server answers them all at once,
 * or times them all out) neither fail the probe nor open the circuit again once it has closed.
 * While closed, a call costs one volatile read before and one after, and a write only after a
 * failure.
 */
public final class CircuitBreaker {

  /** What {@link #pass} returns for a call the open circuit refuses. */
  static final long REFUSED = -1;
  private static final int CLOSED = 0;
  private static final int OPEN = 1;
  private static final int HALF_OPEN = 2;

  private final String backend;
  private final int threshold;
  private final long resetAfterMillis;
  /** generation * 4 + state. */
  private final AtomicLong phase = new AtomicLong(CLOSED);
  private final AtomicInteger failures = new AtomicInteger();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder openings = new LongAdder();
  private final LongAdder probes = new LongAdder();
  private volatile long openedAt;
  private volatile long nextProbeAt;

  public CircuitBreaker(String backend, CircuitBreakerSettings settings) {
    this.backend = backend;
    this.threshold = settings.threshold();
    this.resetAfterMillis = settings.resetAfter().toMillis();
  }

  private static int state(long phase) {
    return (int) (phase & 3);
  }

  private static long next(long phase, int state) {
    return ((phase >>> 2) + 1) * 4 + state;
  }

  /**
   * Asks to send a call: returns the ticket to {@link #record} its outcome with, or
   * {@link #REFUSED} when the circuit is open (or half-open with its probe in flight).
   */
  long pass() {
    long current = phase.get();
    if (state(current) == CLOSED) {
      return current;
    }
    if (state(current) == OPEN && System.currentTimeMillis() >= nextProbeAt) {
      long probing = next(current, HALF_OPEN);
      if (phase.compareAndSet(current, probing)) {
        probes.increment();
        return probing;
      }
    }
    rejected.increment();
    return REFUSED;
  }

  /** Records how a call that passed with {@code ticket} ended: null for a success, else what it threw. */
  void record(long ticket, Throwable failure) {
    if (failure instanceof StoreException e && (e.kind() == Kind.CONNECTION || e.kind() == Kind.TIMEOUT)) {
      failed(ticket);
    } else {
      answered();
    }
  }

  private void answered() {
    long current = phase.get();
    if (state(current) != CLOSED) {
      phase.compareAndSet(current, next(current, CLOSED));
    }
    if (failures.get() != 0) {
      failures.set(0);
    }
  }

  private void failed(long ticket) {
    if (ticket != phase.get()) {
      return; // sent before the circuit last changed: it says nothing about the server now
    }
    if (state(ticket) == HALF_OPEN) {
      open(ticket); // the probe failed
    } else if (failures.incrementAndGet() >= threshold && open(ticket)) {
      openedAt = System.currentTimeMillis();
      openings.increment();
    }
  }

  private boolean open(long from) {
    nextProbeAt = System.currentTimeMillis() + resetAfterMillis;
    boolean opened = phase.compareAndSet(from, next(from, OPEN));
    if (opened) {
      failures.set(0);
    }
    return opened;
  }

  /**
   * Runs one call to the server through the breaker: refused at once (kind CONNECTION) while it
   * is open, else run and its outcome recorded.
   */
  <T> T call(String operation, Supplier<T> work) {
    long ticket = pass();
    if (ticket == REFUSED) {
      throw rejection(operation);
    }
    T result;
    try {
      result = work.get();
    } catch (RuntimeException e) {
      record(ticket, e);
      throw e;
    }
    record(ticket, null);
    return result;
  }

  /** As {@link #call}, for work without a result. */
  void run(String operation, Runnable work) {
    call(operation, () -> {
      work.run();
      return null;
    });
  }

  /** The client reconnected: if open, the next call probes at once. */
  public void probeNow() {
    nextProbeAt = 0;
  }

  /** The failure of a call the open circuit did not let through. */
  StoreException rejection(String operation) {
    return new StoreException(Kind.CONNECTION, "Backend '" + backend + "': " + operation + " was not sent: the circuit"
        + " breaker is open since " + Instant.ofEpochMilli(openedAt) + " after " + threshold + " consecutive calls"
        + " could not reach the server; next probe at " + Instant.ofEpochMilli(Math.max(nextProbeAt, openedAt))
        + ". Fix: check that the server is up and reachable; calls fail at once until a probe succeeds"
        + " (cache.service.circuit_breaker)");
  }

  /** Whether the circuit is open or half-open now. */
  public boolean isOpen() {
    return state(phase.get()) != CLOSED;
  }

  /** Calls failed at once since the backend opened. */
  public long rejectedCalls() {
    return rejected.sum();
  }

  /** Calls let through to probe the server while the circuit was open. */
  public long probes() {
    return probes.sum();
  }

  /** Times the circuit opened since the backend opened. */
  public long openings() {
    return openings.sum();
  }
}
