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
   * The key's entry never expires, carries meta, and its store keeps it as a {@link MarkedEntry}
   * (so that a reader that needs only the meta, for a tag check, builds no entry object). The
   * default hands {@link MarkedEntry#toEntry} to {@link #entry}.
   */
  default R marked(Object key, MarkedEntry entry) {
    return entry(key, entry.toEntry());
  }

  /** The key's entry, as {@link Store#get} returns it. */
  R entry(Object key, StoreEntry entry);
}
