package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.EntryMeta;
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
 *  2      1     flags: bit 0 set when the item name is a hash and the original name follows,
 *               bit 1 set when meta follows
 *  3      8     version, big-endian; random and non-zero, new on every write, kept by a touch
 * 11      8     expiresAt, epoch milliseconds, big-endian; Long.MAX_VALUE for never
 * 19      4     [if meta]  length m of the meta
 * 23      m     [if meta]  the meta as EntryMeta.encode writes it
 *  ...    4     [if hashed]  length n of the original name in UTF-8 bytes
 *  ...    n     [if hashed]  the original name, UTF-8
 *  ...          the value as the backend's serializer wrote it, to the end of the item
 * </pre>
 *
 * <p>A decoded record is a view of the item's bytes: the header fields are read once, and the
 * value is handed to the serializer where it lies ({@link #readValue}), since this runs for every
 * key of every read.
 */
final class Record {

  private static final byte MAGIC = 0x4C;
  private static final byte FORMAT = 1;
  private static final byte HASHED = 1;
  private static final byte WITH_META = 2;
  private static final int HEADER = 19;
  private static final int EXPIRES_AT = 11;

  private final byte[] item;
  private final long version;
  private final long expiresAt;
  private final EntryMeta meta;
  private final String originalName;
  private final int valueOffset;

  private Record(byte[] item, long version, long expiresAt, EntryMeta meta, String originalName, int valueOffset) {
    this.item = item;
    this.version = version;
    this.expiresAt = expiresAt;
    this.meta = meta;
    this.originalName = originalName;
    this.valueOffset = valueOffset;
  }

  /** Returns the item bytes of a new record without meta; see {@link #encode(long, long, EntryMeta, String, byte[])}. */
  static byte[] encode(long version, long expiresAt, String originalName, byte[] value) {
    return encode(version, expiresAt, null, originalName, value);
  }

  /**
   * Returns the item bytes of a new record.
   *
   * @param meta the entry's meta, or null
   * @param originalName the full name when the item name is its hash, else null
   * @param value the serialized value
   */
  static byte[] encode(long version, long expiresAt, EntryMeta meta, String originalName, byte[] value) {
    byte[] name = originalName == null ? null : originalName.getBytes(StandardCharsets.UTF_8);
    byte[] encodedMeta = meta == null ? null : meta.encode();
    int size = HEADER + (encodedMeta == null ? 0 : 4 + encodedMeta.length) + (name == null ? 0 : 4 + name.length)
        + value.length;
    ByteBuffer out = ByteBuffer.allocate(size)
        .put(MAGIC).put(FORMAT).put((byte) ((name == null ? 0 : HASHED) | (encodedMeta == null ? 0 : WITH_META)))
        .putLong(version).putLong(expiresAt);
    if (encodedMeta != null) {
      out.putInt(encodedMeta.length).put(encodedMeta);
    }
    if (name != null) {
      out.putInt(name.length).put(name);
    }
    return out.put(value).array();
  }

  /**
   * Reads item bytes; the record keeps them, which the caller must not change.
   *
   * @throws IllegalArgumentException if the bytes are not a record of this format
   */
  static Record decode(byte[] item) {
    if (item.length >= 2 && (item[0] != MAGIC || item[1] != FORMAT)) {
      throw new IllegalArgumentException("not a lexigram record (magic or format differs)");
    }
    if (item.length < HEADER) {
      throw new IllegalArgumentException("record truncated at " + item.length + " bytes");
    }
    long version = readBigEndian(item, 3, 8);
    long expiresAt = readBigEndian(item, EXPIRES_AT, 8);
    int position = HEADER;
    EntryMeta meta = null;
    if ((item[2] & WITH_META) != 0) {
      int length = sectionLength(item, position, "meta");
      position += 4;
      meta = EntryMeta.decode(item, position, length);
      position += length;
    }
    String name = null;
    if ((item[2] & HASHED) != 0) {
      int length = sectionLength(item, position, "name");
      position += 4;
      name = new String(item, position, length, StandardCharsets.UTF_8);
      position += length;
    }
    return new Record(item, version, expiresAt, meta, name, position);
  }

  /** Returns the length that the 4 bytes at {@code position} give to the section after them. */
  private static int sectionLength(byte[] item, int position, String section) {
    if (item.length < position + 4) {
      throw new IllegalArgumentException("record truncated at " + item.length + " bytes");
    }
    int length = (int) readBigEndian(item, position, 4);
    if (length < 0 || length > item.length - position - 4) {
      throw new IllegalArgumentException(section + " length " + length + " exceeds the record");
    }
    return length;
  }

  long version() {
    return version;
  }

  long expiresAt() {
    return expiresAt;
  }

  /** Returns the entry's meta, or null. */
  EntryMeta meta() {
    return meta;
  }

  /** Returns the full name when the item name is its hash, else null. */
  String originalName() {
    return originalName;
  }

  /** Returns a copy of the serialized value. */
  byte[] value() {
    return Arrays.copyOfRange(item, valueOffset, item.length);
  }

  /** Returns the value the serializer reads from the record's bytes, without copying them. */
  Object readValue(Serializer serializer) {
    return serializer.deserialize(item, valueOffset, item.length - valueOffset);
  }

  /** Returns the item bytes of this record with another expiry instant, the same version and value. */
  byte[] encodeWithExpiresAt(long newExpiresAt) {
    byte[] touched = item.clone();
    for (int i = EXPIRES_AT + 7, rest = 0; i >= EXPIRES_AT; i--, rest += 8) {
      touched[i] = (byte) (newExpiresAt >>> rest);
    }
    return touched;
  }

  private static long readBigEndian(byte[] bytes, int offset, int size) {
    long value = 0;
    for (int i = 0; i < size; i++) {
      value = (value << 8) | (bytes[offset + i] & 0xFF);
    }
    return value;
  }
}
