package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.store.EntryMeta;
import java.nio.ByteBuffer;

/**
 * The byte layout of one cache entry in its Redis string, shared with the Lua scripts. Format 1,
 * an entry without {@link EntryMeta meta}:
 *
 * <pre>
 * offset  size  field
 *  0       1    format, 0x01
 *  1       8    version, big-endian signed long, random and non-zero, new on every write
 *  9       8    expiresAt, big-endian epoch milliseconds; Long.MAX_VALUE (StoreEntry.ETERNAL) for never
 * 17       n    the serializer's payload of the value (signed and compressed if configured)
 * </pre>
 *
 * Format 2, an entry with meta: the same first 17 bytes (format 0x02), then
 *
 * <pre>
 * 17       4    length m of the meta, big-endian
 * 21       m    the meta as {@link EntryMeta#encode} writes it
 * 21+m     n    the serializer's payload of the value
 * </pre>
 *
 * <p>Lua sees the version as {@code string.sub(record, 2, 9)} and the expiry as
 * {@code string.sub(record, 10, 17)} in both formats; a touch rewrites only those 8 bytes.
 */
final class RecordFormat {

  static final byte FORMAT = 1;
  static final byte FORMAT_WITH_META = 2;
  static final int HEADER = 17;
  static final int META_LENGTH = 4;

  private RecordFormat() {}

  static byte[] encode(long version, long expiresAt, byte[] payload) {
    return ByteBuffer.allocate(HEADER + payload.length)
        .put(FORMAT).putLong(version).putLong(expiresAt).put(payload).array();
  }

  /**
   * Returns a record of format 2 when there is meta, else of format 1.
   *
   * @param meta the meta as {@link EntryMeta#encode} wrote it, or null for none
   */
  static byte[] encode(long version, long expiresAt, byte[] meta, byte[] payload) {
    if (meta == null) {
      return encode(version, expiresAt, payload);
    }
    return ByteBuffer.allocate(HEADER + META_LENGTH + meta.length + payload.length)
        .put(FORMAT_WITH_META).putLong(version).putLong(expiresAt)
        .putInt(meta.length).put(meta).put(payload).array();
  }

  /** Returns how many bytes a record of this payload and encoded meta (or null) takes. */
  static long size(int payloadLength, byte[] meta) {
    return (long) HEADER + payloadLength + (meta == null ? 0 : META_LENGTH + meta.length);
  }

  /** Returns whether the bytes start with a header of a known format. */
  static boolean isRecord(byte[] record) {
    return record != null && record.length > HEADER && (record[0] == FORMAT
        || (record[0] == FORMAT_WITH_META && record.length > HEADER + META_LENGTH));
  }

  /**
   * Returns the record's meta, or null for a record of format 1.
   *
   * @throws IllegalArgumentException if the meta is malformed
   */
  static EntryMeta meta(byte[] record) {
    if (record[0] == FORMAT) {
      return null;
    }
    return EntryMeta.decode(record, HEADER + META_LENGTH, metaLength(record));
  }

  /** Returns where the serializer's payload starts. */
  static int payloadOffset(byte[] record) {
    return record[0] == FORMAT ? HEADER : HEADER + META_LENGTH + metaLength(record);
  }

  private static int metaLength(byte[] record) {
    int length = (int) readLong(record, HEADER, META_LENGTH);
    if (length < 0 || length > record.length - HEADER - META_LENGTH) {
      throw new IllegalArgumentException("meta length " + length + " exceeds the record");
    }
    return length;
  }

  static long version(byte[] record) {
    return readLong(record, 1, 8);
  }

  static long expiresAt(byte[] record) {
    return readLong(record, 9, 8);
  }

  // plain array reads: this runs for every key of every read, and a ByteBuffer view costs an object
  private static long readLong(byte[] bytes, int offset, int size) {
    long value = 0;
    for (int i = offset; i < offset + size; i++) {
      value = (value << 8) | (bytes[i] & 0xFF);
    }
    return value;
  }

  /** Returns the 8 bytes a script compares with the stored version. */
  static byte[] longBytes(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }
}
