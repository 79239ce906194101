package dev.lexigram.cache.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the cache layer keeps beside an entry's value, written and read back by the store with the
 * entry: how long the value took to compute (for early recomputation), and the tags the entry
 * carries with the version each had when the entry's value was computed (for tag invalidation).
 * Stores that keep it encode it with {@link #encode} and read it with {@link #decode}, so that
 * every backend writes the same bytes. Immutable; an entry without any has a null meta.
 *
 * <p>Encoding: one byte of field flags, then each present field in flag order. Bit 0: the compute
 * time in milliseconds, a big-endian 4-byte int. Bit 1: the tags, a 2-byte count, then per tag a
 * 2-byte length, its UTF-8 bytes and its 8-byte version. A flag this version does not know makes
 * the bytes unreadable (an {@link IllegalArgumentException}), so an entry written by a newer
 * version reads as a miss rather than with its meaning lost.
 */
public final class EntryMeta {

  private static final int COMPUTE_MILLIS = 1;
  private static final int TAGS = 2;
  private static final int KNOWN = COMPUTE_MILLIS | TAGS;
  private static final String[] NO_TAGS = new String[0];
  private static final long[] NO_VERSIONS = new long[0];

  private final int computeMillis;
  private final String[] tags;
  private final long[] versions;
  /** The cache layer's memo of what the tags stand for; not part of the meta's value. */
  private volatile Object resolved;
  /** The cache layer's mark of when the tags were last found current; not part of the meta's value. */
  private volatile long currentAt = -1;

  private EntryMeta(int computeMillis, String[] tags, long[] versions) {
    this.computeMillis = computeMillis;
    this.tags = tags;
    this.versions = versions;
  }

  /**
   * Returns the meta of a value computed in the given time; at least 1 ms (a value that took no
   * measurable time is still known to be computed), at most {@link Integer#MAX_VALUE}.
   */
  public static EntryMeta computedIn(long millis) {
    return new EntryMeta(clamp(millis), NO_TAGS, NO_VERSIONS);
  }

  /**
   * Returns the meta of an entry carrying the tags, each with the version it had when the value was
   * computed, or null when there are no tags.
   *
   * @param tags distinct tags, checked by the caller; the array is not copied
   * @param versions the version of each tag, in the same order; not copied
   */
  public static EntryMeta tagged(String[] tags, long[] versions) {
    if (tags.length != versions.length) {
      throw new IllegalArgumentException(tags.length + " tags with " + versions.length + " versions");
    }
    return tags.length == 0 ? null : new EntryMeta(0, tags, versions);
  }

  /** Returns this meta with the compute time of the other (or this one's when the other is null). */
  public EntryMeta withComputeMillisOf(EntryMeta other) {
    if (other == null || other.computeMillis == 0) {
      return this;
    }
    EntryMeta timed = new EntryMeta(other.computeMillis, tags, versions);
    timed.resolved = resolved; // the same tags resolve alike
    return timed;
  }

  /** Returns whether the other meta carries the same tags with the same versions. */
  public boolean sameTagsAs(String[] otherTags, long[] otherVersions) {
    return Arrays.equals(tags, otherTags) && Arrays.equals(versions, otherVersions);
  }

  /** Returns the meta with the compute time of {@code timed} and the tags of {@code tagged}; either may be null. */
  public static EntryMeta combine(EntryMeta tagged, EntryMeta timed) {
    if (tagged == null) {
      return timed;
    }
    return tagged.withComputeMillisOf(timed);
  }

  private static int clamp(long millis) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
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

  /** Returns whether the entry carries tags. */
  public boolean hasTags() {
    return tags.length > 0;
  }

  /** Returns how many tags the entry carries. */
  public int tagCount() {
    return tags.length;
  }

  /** Returns the i-th tag. */
  public String tag(int i) {
    return tags[i];
  }

  /** Returns the version the i-th tag had when the value was computed. */
  public long version(int i) {
    return versions[i];
  }

  /**
   * Returns what the cache layer noted it resolved the tags to, or null: a memo that spares an
   * entry kept in memory the lookup of its tags on every read.
   */
  public Object resolved() {
    return resolved;
  }

  /** Notes what the cache layer resolved the tags to; see {@link #resolved()}. */
  public void resolved(Object memo) {
    this.resolved = memo;
  }

  /**
   * Returns the cache layer's mark of the moment (an epoch of its own, never reused) at which it
   * last found every tag current, or -1: one comparison decides a read while nothing changed.
   */
  public long currentAt() {
    return currentAt;
  }

  /** Sets the mark; see {@link #currentAt()}. */
  public void currentAt(long epoch) {
    this.currentAt = epoch;
  }

  /** Returns the encoded form; see the class comment. */
  public byte[] encode() {
    byte[][] names = new byte[tags.length][];
    int size = 1 + (computeMillis > 0 ? 4 : 0) + (tags.length > 0 ? 2 : 0);
    for (int i = 0; i < tags.length; i++) {
      names[i] = tags[i].getBytes(StandardCharsets.UTF_8);
      if (names[i].length > 0xFFFF) {
        throw new IllegalArgumentException("tag of " + names[i].length + " bytes");
      }
      size += 2 + names[i].length + 8;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put((byte) ((computeMillis > 0 ? COMPUTE_MILLIS : 0) | (tags.length > 0 ? TAGS : 0)));
    if (computeMillis > 0) {
      out.putInt(computeMillis);
    }
    if (tags.length > 0) {
      out.putShort((short) tags.length);
      for (int i = 0; i < tags.length; i++) {
        out.putShort((short) names[i].length).put(names[i]).putLong(versions[i]);
      }
    }
    return out.array();
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
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    int flags = in.get() & 0xFF;
    if ((flags & ~KNOWN) != 0) {
      throw new IllegalArgumentException("entry meta with unknown fields (flags " + flags + ")");
    }
    try {
      int computeMillis = 0;
      if ((flags & COMPUTE_MILLIS) != 0) {
        computeMillis = in.getInt();
        if (computeMillis <= 0) {
          throw new IllegalArgumentException("entry meta with a compute time of " + computeMillis + " ms");
        }
      }
      String[] tags = NO_TAGS;
      long[] versions = NO_VERSIONS;
      if ((flags & TAGS) != 0) {
        int count = in.getShort() & 0xFFFF;
        if (count == 0 || count > in.remaining() / 10) {
          throw new IllegalArgumentException("entry meta with " + count + " tags in " + in.remaining() + " bytes");
        }
        tags = new String[count];
        versions = new long[count];
        for (int i = 0; i < count; i++) {
          byte[] name = new byte[in.getShort() & 0xFFFF];
          in.get(name);
          tags[i] = new String(name, StandardCharsets.UTF_8);
          versions[i] = in.getLong();
        }
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("entry meta of " + length + " bytes has " + in.remaining()
            + " bytes left over");
      }
      return new EntryMeta(computeMillis, tags, versions);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("entry meta truncated at " + length + " bytes", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EntryMeta meta && computeMillis == meta.computeMillis
        && Arrays.equals(tags, meta.tags) && Arrays.equals(versions, meta.versions);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * computeMillis + Arrays.hashCode(tags)) + Arrays.hashCode(versions);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("EntryMeta[computeMillis=").append(computeMillis);
    for (int i = 0; i < tags.length; i++) {
      text.append(i == 0 ? ", tags=" : ",").append(tags[i]).append('@').append(versions[i]);
    }
    return text.append(']').toString();
  }
}
