package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.near.Generations;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The heartbeat of a near-cache invalidation channel: every period it runs a check (which tells it
 * when the check was {@link #sent} and {@link #answered}); a check still unanswered at the next
 * beat means a silent connection, and costs the channel its trust at once. So a near cache never
 * answers from a connection silent for more than two periods.
 */
final class Heartbeat implements AutoCloseable {

  private final Generations generations;
  private final long periodNanos;
  private final Runnable check;
  private final Future<?> beating;
  private volatile long sentAt;
  private volatile boolean closed;

  Heartbeat(ClientResources resources, Duration period, Generations generations, Runnable check) {
    this.generations = generations;
    this.periodNanos = period.toNanos();
    this.check = check;
    this.beating = resources.eventExecutorGroup().scheduleAtFixedRate(this::beat, periodNanos, periodNanos,
        TimeUnit.NANOSECONDS);
  }

  private void beat() {
    if (closed) {
      return;
    }
    long sent = sentAt;
    if (sent != 0) {
      if (System.nanoTime() - sent >= periodNanos / 2) {
        generations.distrust(); // the last check is still unanswered: invalidations may be stuck too
      }
      return;
    }
    check.run();
  }

  /** Whether the heartbeat has stopped (the channel is closing). */
  boolean isClosed() {
    return closed;
  }

  /** The check went out now. */
  void sent() {
    sentAt = System.nanoTime() | 1;
  }

  /** The check came back (answered or failed). */
  void answered() {
    sentAt = 0;
  }

  @Override
  public void close() {
    closed = true;
    beating.cancel(false);
  }
}
