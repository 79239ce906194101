package dev.lexigram.cache.store;

/**
 * What the cache layer keeps beside an entry's value, written and read back by the store with the
 * entry: how long the value took to compute (for early recomputation). Stores that keep it encode
 * it with {@link #encode} and read it with {@link #decode}, so that every backend writes the same
 * bytes. Immutable; an entry without any has a null meta.
 *
 * <p>Encoding: one byte of field flags, then each present field in flag order; bit 0: the compute
 * time in milliseconds, a big-endian 4-byte int. A flag this version does not know makes the
 * bytes unreadable (an {@link IllegalArgumentException}), so an entry written by a newer version
 * reads as a miss rather than with its meaning lost.
 */
public final class EntryMeta {

  private static final int COMPUTE_MILLIS = 1;
  private static final int KNOWN = COMPUTE_MILLIS;

  private final int computeMillis;

  private EntryMeta(int computeMillis) {
    this.computeMillis = computeMillis;
  }

  /**
   * Returns the meta of a value computed in the given time; at least 1 ms (a value that took no
   * measurable time is still known to be computed), at most {@link Integer#MAX_VALUE}.
   */
  public static EntryMeta computedIn(long millis) {
    return new EntryMeta((int) Math.max(1, Math.min(Integer.MAX_VALUE, millis)));
  }

  /** Returns how long the value took to compute, in milliseconds; 0 if unknown. */
  public int computeMillis() {
    return computeMillis;
  }

  /** Returns the compute time of the entry's meta, 0 when the entry has none. */
  public static int computeMillisOf(StoreEntry entry) {
    EntryMeta meta = entry.meta();
    return (meta == null) ? 0 : meta.computeMillis;
  }

  /** Returns the encoded form; see the class comment. */
  public byte[] encode() {
    int flags = computeMillis > 0 ? COMPUTE_MILLIS : 0;
    byte[] bytes = new byte[1 + (computeMillis > 0 ? 4 : 0)];
    bytes[0] = (byte) flags;
    if (computeMillis > 0) {
      for (int i = 0; i < 4; i++) {
        bytes[1 + i] = (byte) (computeMillis >>> (24 - 8 * i));
      }
    }
    return bytes;
  }

  /**
   * Reads what {@link #encode} wrote.
   *
   * @throws IllegalArgumentException if the bytes are not an encoded meta of this version
   */
  public static EntryMeta decode(byte[] bytes, int offset, int length) {
    if (length < 1 || offset < 0 || offset + length > bytes.length) {
      throw new IllegalArgumentException("entry meta truncated at " + length + " bytes");
    }
    int flags = bytes[offset] & 0xFF;
    if ((flags & ~KNOWN) != 0) {
      throw new IllegalArgumentException("entry meta with unknown fields (flags " + flags + ")");
    }
    int computeMillis = 0;
    int position = offset + 1;
    if ((flags & COMPUTE_MILLIS) != 0) {
      if (length < 5) {
        throw new IllegalArgumentException("entry meta truncated at " + length + " bytes");
      }
      for (int i = 0; i < 4; i++) {
        computeMillis = (computeMillis << 8) | (bytes[position + i] & 0xFF);
      }
      position += 4;
      if (computeMillis <= 0) {
        throw new IllegalArgumentException("entry meta with a compute time of " + computeMillis + " ms");
      }
    }
    if (position != offset + length) {
      throw new IllegalArgumentException("entry meta of " + length + " bytes has " + (offset + length - position)
          + " bytes left over");
    }
    return new EntryMeta(computeMillis);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EntryMeta meta && computeMillis == meta.computeMillis;
  }

  @Override
  public int hashCode() {
    return computeMillis;
  }

  @Override
  public String toString() {
    return "EntryMeta[computeMillis=" + computeMillis + "]";
  }
}
