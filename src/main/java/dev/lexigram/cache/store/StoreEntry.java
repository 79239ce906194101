package dev.lexigram.cache.store;

import java.util.Objects;

/**
 * One stored mapping as a store hands it to the cache layer: the stored value, the version that
 * compare-and-set operations compare, and the expiry instant.
 *
 * @param value the stored form of the value (never null)
 * @param version changes on every write of the key; a touch keeps it
 * @param expiresAt epoch milliseconds at which the entry expires, {@link #ETERNAL} for never
 */
public record StoreEntry(Object value, long version, long expiresAt) {

  /** The expiry instant of an entry that never expires. */
  public static final long ETERNAL = Long.MAX_VALUE;

  public StoreEntry {
    Objects.requireNonNull(value, "value");
  }

  /** Returns whether this entry has expired at {@code nowMillis}. */
  public boolean isExpired(long nowMillis) {
    return expiresAt <= nowMillis;
  }

  /** Returns a copy of this entry with another expiry instant and the same version. */
  public StoreEntry withExpiresAt(long newExpiresAt) {
    return new StoreEntry(value, version, newExpiresAt);
  }
}
