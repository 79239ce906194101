package dev.lexigram.cache.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when a test advances it. It starts at a random instant so that code
 * which assumes time starts near zero fails here first.
 */
public final class FakeClock extends Clock {

  private final AtomicLong millis;

  /** A clock at a random instant between 2001 and 2096. */
  public FakeClock() {
    this(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 4_000_000_000_000L));
  }

  private FakeClock(long startMillis) {
    this.millis = new AtomicLong(startMillis);
  }

  /**
   * Returns a clock that starts at the real current time. Remote stores need it: the server
   * expires keys on its own clock, so the fake clock must never be behind it.
   */
  public static FakeClock startingNow() {
    return new FakeClock(System.currentTimeMillis());
  }

  public void advance(Duration duration) {
    millis.addAndGet(duration.toMillis());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("FakeClock has one zone");
  }
}
