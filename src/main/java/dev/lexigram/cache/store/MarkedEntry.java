package dev.lexigram.cache.store;

/**
 * An entry that never expires and carries {@link EntryMeta meta} (tags, say), as a store that
 * keeps its entries in this process may hold it: the stored value, the meta, and a mark that the
 * cache layer sets when it has found the meta's tags current, so that the next read of the entry
 * checks them with one comparison of a field beside the value. Smaller than a {@link StoreEntry}
 * (32 bytes against 40 with compressed references), and what a read needs is on one cache line. A store identifies it by its value and
 * meta objects ({@link StoreEntry#IDENTIFIED_BY_VALUE}); the mark is not part of the entry's value.
 */
public final class MarkedEntry {

  /** The mark of an entry whose tags have not been found current (no epoch is ever this). */
  public static final long UNMARKED = -1L;

  private final Object value;
  private final EntryMeta meta;
  private volatile long mark = UNMARKED;

  /**
   * @param value the stored form of the value (never null)
   * @param meta the entry's meta (never null)
   */
  public MarkedEntry(Object value, EntryMeta meta) {
    this.value = value;
    this.meta = meta;
  }

  /** Returns the stored form of the value. */
  public Object value() {
    return value;
  }

  /** Returns the entry's meta. */
  public EntryMeta meta() {
    return meta;
  }

  /** Returns the cache layer's mark, {@link #UNMARKED} until it sets one. */
  public long mark() {
    return mark;
  }

  /** Sets the cache layer's mark. */
  public void mark(long newMark) {
    mark = newMark;
  }

  /** Returns the entry as {@link Store#get} hands it out. */
  public StoreEntry toEntry() {
    return new StoreEntry(value, StoreEntry.IDENTIFIED_BY_VALUE, StoreEntry.ETERNAL, meta);
  }
}
