package dev.lexigram.cache.jcache.expiry;

import dev.lexigram.cache.store.StoreEntry;
import java.util.function.Supplier;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link ExpiryPolicy}'s durations into expiry instants (epoch milliseconds). Pure
 * code: the current time is passed in by the caller, who reads it from the cache's clock.
 *
 * <p>{@link Duration#ZERO} gives {@code now}, which already counts as expired; a null duration
 * for access or update gives {@link #UNCHANGED}. A policy that throws is logged and treated as
 * returning null (the spec leaves the entry's expiry as it was), or eternal on creation.
 */
public final class ExpiryCalculator {

  private static final Logger LOG = LoggerFactory.getLogger(ExpiryCalculator.class);

  /** Returned when the entry's expiry instant stays as it is. */
  public static final long UNCHANGED = Long.MIN_VALUE;

  private final ExpiryPolicy policy;
  private final boolean accessChangesNothing;

  public ExpiryCalculator(ExpiryPolicy policy) {
    this.policy = policy;
    // the standard policies that never change expiry on access (exact classes: a subclass may)
    Class<?> type = policy.getClass();
    this.accessChangesNothing = type == javax.cache.expiry.EternalExpiryPolicy.class
        || type == javax.cache.expiry.CreatedExpiryPolicy.class
        || type == javax.cache.expiry.ModifiedExpiryPolicy.class;
  }

  /** Returns whether no entry can ever expire: the policy is exactly {@code EternalExpiryPolicy}. */
  public boolean isEternal() {
    return policy.getClass() == javax.cache.expiry.EternalExpiryPolicy.class;
  }

  /** Returns whether a read may change an entry's expiry (the policy may have an access expiry). */
  public boolean accessMayChangeExpiry() {
    return !accessChangesNothing;
  }

  public ExpiryPolicy policy() {
    return policy;
  }

  /** Returns the expiry instant of a new entry. */
  public long onCreation(long now) {
    long expiresAt = instant(now, policy::getExpiryForCreation);
    return expiresAt == UNCHANGED ? StoreEntry.ETERNAL : expiresAt;
  }

  /** Returns the new expiry instant of an updated entry, or {@link #UNCHANGED}. */
  public long onUpdate(long now) {
    return instant(now, policy::getExpiryForUpdate);
  }

  /** Returns the new expiry instant of a read entry, or {@link #UNCHANGED}. */
  public long onAccess(long now) {
    if (accessChangesNothing) {
      return UNCHANGED;
    }
    return instant(now, policy::getExpiryForAccess);
  }

  private static long instant(long now, Supplier<Duration> duration) {
    Duration d;
    try {
      d = duration.get();
    } catch (RuntimeException e) {
      LOG.warn("The expiry policy failed; the entry's expiry stays as it was", e);
      return UNCHANGED;
    }
    return toInstant(now, d);
  }

  /** Returns the instant {@code duration} after {@code now}, saturating at eternal. */
  public static long toInstant(long now, Duration duration) {
    if (duration == null) {
      return UNCHANGED;
    }
    if (duration.isEternal()) {
      return StoreEntry.ETERNAL;
    }
    if (duration.isZero()) {
      return now;
    }
    long millis = duration.getTimeUnit().toMillis(duration.getDurationAmount());
    long at = now + millis;
    return (at < now || at == StoreEntry.ETERNAL) ? StoreEntry.ETERNAL - 1 : at;
  }
}
