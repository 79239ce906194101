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

  private final AtomicLong millis =
      new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 4_000_000_000_000L));

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
