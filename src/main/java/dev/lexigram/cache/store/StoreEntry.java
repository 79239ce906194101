package dev.lexigram.cache.store;

import java.util.Objects;

/**
 * One stored mapping as a store hands it to the cache layer: the stored value, the version that
 * compare-and-set operations compare, and the expiry instant. Immutable.
 */
public final class StoreEntry {

  /** The expiry instant of an entry that never expires. */
  public static final long ETERNAL = Long.MAX_VALUE;

  /**
   * The version of an entry that a store identifies by its value object rather than by a number
   * (see {@link Store#compareAndSet}); versions a store counts are never this.
   */
  public static final long IDENTIFIED_BY_VALUE = 0L;

  private final Object value;
  private final long version;
  private final long expiresAt;
  private final EntryMeta meta;

  /**
   * @param value the stored form of the value (never null)
   * @param version changes on every write of the key; a touch keeps it; or
   *     {@link #IDENTIFIED_BY_VALUE}
   * @param expiresAt epoch milliseconds at which the entry expires, {@link #ETERNAL} for never
   */
  public StoreEntry(Object value, long version, long expiresAt) {
    this(value, version, expiresAt, null);
  }

  /**
   * @param value the stored form of the value (never null)
   * @param version as for {@link #StoreEntry(Object, long, long)}
   * @param expiresAt as for {@link #StoreEntry(Object, long, long)}
   * @param meta what the cache layer wrote beside the value, or null
   */
  public StoreEntry(Object value, long version, long expiresAt, EntryMeta meta) {
    this.value = Objects.requireNonNull(value, "value");
    this.version = version;
    this.expiresAt = expiresAt;
    this.meta = meta;
  }

  /** Returns the stored form of the value. */
  public Object value() {
    return value;
  }

  /**
   * Returns the version, which changes on every write of the key, or {@link #IDENTIFIED_BY_VALUE}
   * for an entry its store identifies by its value object.
   */
  public long version() {
    return version;
  }

  /** Returns the expiry instant in epoch milliseconds, {@link #ETERNAL} for never. */
  public long expiresAt() {
    return expiresAt;
  }

  /** Returns what the cache layer wrote beside the value, or null. */
  public EntryMeta meta() {
    return meta;
  }

  /** Returns whether this entry has expired at {@code nowMillis}. */
  public boolean isExpired(long nowMillis) {
    return expiresAt <= nowMillis;
  }

  /** Returns a copy of this entry with another expiry instant, the same version and meta. */
  public StoreEntry withExpiresAt(long newExpiresAt) {
    return new StoreEntry(value, version, newExpiresAt, meta);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoreEntry entry && value.equals(entry.value)
        && version == entry.version && expiresAt == entry.expiresAt
        && Objects.equals(meta, entry.meta);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, version, expiresAt, meta);
  }

  @Override
  public String toString() {
    return "StoreEntry[value=" + value + ", version=" + version + ", expiresAt=" + expiresAt
        + (meta == null ? "" : ", meta=" + meta) + "]";
  }
}
