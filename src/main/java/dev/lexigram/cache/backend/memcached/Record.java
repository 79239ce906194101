package dev.lexigram.cache.backend.memcached;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One memcached item as the store writes it: a header, then the serialized value.
 *
 * <pre>
 * offset  size  field
 *  0      1     magic 0x4C ('L')
 *  1      1     format, 1
 *  2      1     flags: bit 0 set when the item name is a hash and the original name follows
 *  3      8     version, big-endian; random and non-zero, new on every write, kept by a touch
 * 11      8     expiresAt, epoch milliseconds, big-endian; Long.MAX_VALUE for never
 * 19      4     [if hashed]  length n of the original name in UTF-8 bytes
 * 23      n     [if hashed]  the original name, UTF-8
 *  ...          the value as the backend's serializer wrote it, to the end of the item
 * </pre>
 *
 * @param version the entry's version
 * @param expiresAt the entry's expiry instant
 * @param originalName the full name when the item name is its hash, else null
 * @param value the serialized value
 */
record Record(long version, long expiresAt, String originalName, byte[] value) {

  private static final byte MAGIC = 0x4C;
  private static final byte FORMAT = 1;
  private static final byte HASHED = 1;
  private static final int HEADER = 19;

  /** Returns the item bytes. */
  byte[] encode() {
    byte[] name = originalName == null ? null : originalName.getBytes(StandardCharsets.UTF_8);
    int size = HEADER + (name == null ? 0 : 4 + name.length) + value.length;
    ByteBuffer out = ByteBuffer.allocate(size)
        .put(MAGIC).put(FORMAT).put(name == null ? 0 : HASHED)
        .putLong(version).putLong(expiresAt);
    if (name != null) {
      out.putInt(name.length).put(name);
    }
    return out.put(value).array();
  }

  /** Returns this record with another expiry instant and the same version and value. */
  Record withExpiresAt(long newExpiresAt) {
    return new Record(version, newExpiresAt, originalName, value);
  }

  /**
   * Reads item bytes.
   *
   * @throws IllegalArgumentException if the bytes are not a record of this format
   */
  static Record decode(byte[] item) {
    try {
      ByteBuffer in = ByteBuffer.wrap(item);
      if (in.get() != MAGIC || in.get() != FORMAT) {
        throw new IllegalArgumentException("not a lexigram record (magic or format differs)");
      }
      byte flags = in.get();
      long version = in.getLong();
      long expiresAt = in.getLong();
      String name = null;
      if ((flags & HASHED) != 0) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
          throw new IllegalArgumentException("name length " + length + " exceeds the record");
        }
        name = new String(item, in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
      }
      return new Record(version, expiresAt, name, Arrays.copyOfRange(item, in.position(), item.length));
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("record truncated at " + item.length + " bytes", e);
    }
  }
}
