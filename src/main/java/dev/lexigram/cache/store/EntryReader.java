package dev.lexigram.cache.store;

/**
 * What {@link Store#read} found for a key, handed to the caller's code. A store that keeps an
 * entry that never expires as its bare stored value (no entry object of its own) passes that
 * value to {@link #eternal}, so a plain read allocates and dereferences nothing more than the
 * value; every other entry comes to {@link #entry}.
 *
 * @param <R> what the reader makes of the read
 */
public interface EntryReader<R> {

  /** The key has no entry. */
  R absent(Object key);

  /**
   * The key's entry never expires and holds this stored value. A caller that needs the entry's
   * version (to write conditionally) reads the key again with {@link Store#get}.
   */
  R eternal(Object key, Object value);

  /**
   * The key's entry never expires, holds this stored value and carries this meta, and its store
   * identifies it by those two objects ({@link StoreEntry#IDENTIFIED_BY_VALUE}). A store that
   * keeps such an entry without an entry object passes it here, so that a reader that needs only
   * the meta (a tag check) builds none; the default builds the entry and hands it to {@link #entry}.
   */
  default R eternal(Object key, Object value, EntryMeta meta) {
    return entry(key, new StoreEntry(value, StoreEntry.IDENTIFIED_BY_VALUE, StoreEntry.ETERNAL, meta));
  }

  /** The key's entry, as {@link Store#get} returns it. */
  R entry(Object key, StoreEntry entry);
}
