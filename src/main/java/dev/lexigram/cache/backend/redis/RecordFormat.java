package dev.lexigram.cache.backend.redis;

import java.nio.ByteBuffer;

/**
 * The byte layout of one cache entry in its Redis string (format 1), shared with the Lua scripts:
 *
 * <pre>
 * offset  size  field
 *  0       1    format, always 0x01
 *  1       8    version, big-endian signed long, random and non-zero, new on every write
 *  9       8    expiresAt, big-endian epoch milliseconds; Long.MAX_VALUE (StoreEntry.ETERNAL) for never
 * 17       n    the serializer's payload of the value (signed and compressed if configured)
 * </pre>
 *
 * <p>Lua sees the version as {@code string.sub(record, 2, 9)} and the expiry as
 * {@code string.sub(record, 10, 17)}; a touch rewrites only those 8 bytes.
 */
final class RecordFormat {

  static final byte FORMAT = 1;
  static final int HEADER = 17;

  private RecordFormat() {}

  static byte[] encode(long version, long expiresAt, byte[] payload) {
    return ByteBuffer.allocate(HEADER + payload.length)
        .put(FORMAT).putLong(version).putLong(expiresAt).put(payload).array();
  }

  /** Returns whether the bytes start with a header of this format. */
  static boolean isRecord(byte[] record) {
    return record != null && record.length > HEADER && record[0] == FORMAT;
  }

  static long version(byte[] record) {
    return readLong(record, 1);
  }

  static long expiresAt(byte[] record) {
    return readLong(record, 9);
  }

  /** Returns how many bytes of the record the serializer's payload takes; it starts at {@link #HEADER}. */
  static int payloadLength(byte[] record) {
    return record.length - HEADER;
  }

  // plain array reads: this runs for every key of every read, and a ByteBuffer view costs an object
  private static long readLong(byte[] bytes, int offset) {
    long value = 0;
    for (int i = offset; i < offset + 8; i++) {
      value = (value << 8) | (bytes[i] & 0xFF);
    }
    return value;
  }

  /** Returns the 8 bytes a script compares with the stored version. */
  static byte[] longBytes(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }
}
