package dev.lexigram.cache.store;

import java.util.Objects;

/**
 * A value to write with its expiry instant, for the store's bulk write.
 *
 * @param value the stored form of the value
 * @param expiresAt epoch milliseconds, {@link StoreEntry#ETERNAL} for never
 * @param meta what the cache layer keeps beside the value, or null
 */
public record StoreWrite(Object value, long expiresAt, EntryMeta meta) {
  public StoreWrite {
    Objects.requireNonNull(value, "value");
  }

  /** A write without meta. */
  public StoreWrite(Object value, long expiresAt) {
    this(value, expiresAt, null);
  }
}
