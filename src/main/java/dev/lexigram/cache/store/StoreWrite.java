package dev.lexigram.cache.store;

import java.util.Objects;

/**
 * A value to write with its expiry instant, for the store's bulk write.
 *
 * @param value the stored form of the value
 * @param expiresAt epoch milliseconds, {@link StoreEntry#ETERNAL} for never
 */
public record StoreWrite(Object value, long expiresAt) {
  public StoreWrite {
    Objects.requireNonNull(value, "value");
  }
}
