package dev.lexigram.cache.near;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A coarse wall clock for {@code max_ttl}: one daemon thread refreshes it every
 * {@value #RESOLUTION_MILLIS} ms, so that a near hit reads a field instead of the system clock
 * (which costs as much as the rest of a hit). A local copy therefore lives up to
 * {@value #RESOLUTION_MILLIS} ms longer than {@code max_ttl}, never shorter than it minus that.
 */
final class NearClock {

  static final long RESOLUTION_MILLIS = 50;

  private static volatile long millis = System.currentTimeMillis();

  static {
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "lexigram-near-clock");
      thread.setDaemon(true);
      return thread;
    });
    ticker.scheduleAtFixedRate(() -> millis = System.currentTimeMillis(), RESOLUTION_MILLIS, RESOLUTION_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  private NearClock() {}

  /** Returns the wall clock, at most {@value #RESOLUTION_MILLIS} ms behind. */
  static long millis() {
    return millis;
  }
}
