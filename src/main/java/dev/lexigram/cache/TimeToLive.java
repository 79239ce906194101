package dev.lexigram.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a key has left: missing, persistent (never expires), or a remaining duration.
 *
 * @param exists whether the key is present
 * @param remaining the time left, or null when the key is missing or never expires
 */
public record TimeToLive(boolean exists, Duration remaining) {

  private static final TimeToLive MISSING = new TimeToLive(false, null);
  private static final TimeToLive PERSISTENT = new TimeToLive(true, null);

  /** Returns the value for a key that is not present. */
  public static TimeToLive missing() {
    return MISSING;
  }

  /** Returns the value for a key that never expires. */
  public static TimeToLive persistent() {
    return PERSISTENT;
  }

  /** Returns the value for a key that expires after {@code remaining}. */
  public static TimeToLive of(Duration remaining) {
    return new TimeToLive(true, Objects.requireNonNull(remaining, "remaining"));
  }

  /** Returns whether the key is present and never expires. */
  public boolean isPersistent() {
    return exists && remaining == null;
  }
}
