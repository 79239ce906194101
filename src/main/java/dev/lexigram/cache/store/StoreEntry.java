package dev.lexigram.cache.store;

import java.util.Objects;

/**
 * One stored mapping as a store hands it to the cache layer: the stored value, the version that
 * compare-and-set operations compare, and the expiry instant. Immutable, except for the
 * {@link #memo()} slot the cache layer may fill.
 */
public final class StoreEntry {

  /** The expiry instant of an entry that never expires. */
  public static final long ETERNAL = Long.MAX_VALUE;

  private final Object value;
  private final long version;
  private final long expiresAt;
  /** See {@link #memo()}; written without synchronization, which is safe for immutable objects. */
  private Object memo;

  /**
   * @param value the stored form of the value (never null)
   * @param version changes on every write of the key; a touch keeps it
   * @param expiresAt epoch milliseconds at which the entry expires, {@link #ETERNAL} for never
   */
  public StoreEntry(Object value, long version, long expiresAt) {
    this.value = Objects.requireNonNull(value, "value");
    this.version = version;
    this.expiresAt = expiresAt;
  }

  /** Returns the stored form of the value. */
  public Object value() {
    return value;
  }

  /** Returns the version, which changes on every write of the key. */
  public long version() {
    return version;
  }

  /** Returns the expiry instant in epoch milliseconds, {@link #ETERNAL} for never. */
  public long expiresAt() {
    return expiresAt;
  }

  /** Returns whether this entry has expired at {@code nowMillis}. */
  public boolean isExpired(long nowMillis) {
    return expiresAt <= nowMillis;
  }

  /** Returns a copy of this entry with another expiry instant and the same version. */
  public StoreEntry withExpiresAt(long newExpiresAt) {
    return new StoreEntry(value, version, newExpiresAt);
  }

  /**
   * Returns what the cache layer attached to this entry object with {@link #memo(Object)}, or
   * null. The cache layer attaches an immutable object derived from the entry (the extension
   * API's result for a hit on a store-by-reference cache), so that an entry read many times is
   * wrapped once. Stores neither read nor copy it; an entry a store creates anew has none.
   */
  public Object memo() {
    return memo;
  }

  /**
   * Attaches an object to this entry; see {@link #memo()}. It must be immutable (final fields
   * only): it is published to other threads without synchronization.
   */
  public void memo(Object derived) {
    this.memo = derived;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoreEntry entry && value.equals(entry.value)
        && version == entry.version && expiresAt == entry.expiresAt;
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, version, expiresAt);
  }

  @Override
  public String toString() {
    return "StoreEntry[value=" + value + ", version=" + version + ", expiresAt=" + expiresAt + "]";
  }
}
