package dev.lexigram.cache.backend.memcached;

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
    // plain array reads: this runs once per key of every read, and a ByteBuffer costs an object
    if (item.length >= 2 && (item[0] != MAGIC || item[1] != FORMAT)) {
      throw new IllegalArgumentException("not a lexigram record (magic or format differs)");
    }
    if (item.length < HEADER) {
      throw new IllegalArgumentException("record truncated at " + item.length + " bytes");
    }
    long version = readLong(item, 3);
    long expiresAt = readLong(item, 11);
    int position = HEADER;
    String name = null;
    if ((item[2] & HASHED) != 0) {
      if (item.length < HEADER + 4) {
        throw new IllegalArgumentException("record truncated at " + item.length + " bytes");
      }
      int length = (int) readBigEndian(item, HEADER, 4);
      position += 4;
      if (length < 0 || length > item.length - position) {
        throw new IllegalArgumentException("name length " + length + " exceeds the record");
      }
      name = new String(item, position, length, StandardCharsets.UTF_8);
      position += length;
    }
    return new Record(version, expiresAt, name, Arrays.copyOfRange(item, position, item.length));
  }

  private static long readLong(byte[] bytes, int offset) {
    return readBigEndian(bytes, offset, 8);
  }

  private static long readBigEndian(byte[] bytes, int offset, int size) {
    long value = 0;
    for (int i = 0; i < size; i++) {
      value = (value << 8) | (bytes[offset + i] & 0xFF);
    }
    return value;
  }
}
