package dev.lexigram.cache.tag;

import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.MarkedEntry;
import dev.lexigram.cache.store.StoreEntry;

/**
 * The tags of one cache: the tags every entry of the cache carries (from its configuration) and
 * the backend's {@link TagVersions}, which decide whether a tagged entry is still current.
 */
public final class CacheTags {

  private final TagVersions versions;
  private final String[] cacheTags;

  /**
   * @param versions the tag versions of the cache's backend
   * @param cacheTags the tags every entry of the cache carries, checked and sorted ({@link Tags#of})
   */
  public CacheTags(TagVersions versions, String[] cacheTags) {
    this.versions = versions;
    this.cacheTags = cacheTags;
  }

  /** Returns whether entries of the cache carry tags without being given any. */
  public boolean tagsEveryEntry() {
    return cacheTags.length > 0;
  }

  /**
   * Returns the meta of an entry written now that carries the cache's tags, with their versions as
   * they are now, or null when the cache has none. Call it before the value is computed.
   */
  public EntryMeta capture() {
    return cacheTags.length == 0 ? null : versions.capture(cacheTags);
  }

  /** As {@link #capture()}, for an entry that carries the given tags too (checked, sorted). */
  public EntryMeta capture(String[] entryTags) {
    return versions.capture(Tags.union(cacheTags, entryTags));
  }

  /** Returns whether the entry carries a tag that has been invalidated since it was written. */
  public boolean isStale(StoreEntry entry) {
    EntryMeta meta = entry.meta();
    return meta != null && !versions.isCurrentNow(meta) && meta.hasTags() && !versions.isCurrent(meta);
  }

  /** Returns whether an entry marked with {@link #currentMark} is still current: one comparison. */
  public boolean isCurrentNow(long mark) {
    return versions.isCurrentNow(mark);
  }

  /**
   * Returns a mark for an entry with this meta that {@link #isCurrentNow(long)} accepts until a
   * tag version changes, or {@link MarkedEntry#UNMARKED} when the entry is stale or its tags
   * cannot be marked (the versions are kept for a window only): then {@link #isStale} decides.
   */
  public long currentMark(EntryMeta meta) {
    return versions.currentMark(meta);
  }

  /** Returns whether checking the entry may ask the backend (it carries tags). */
  public static boolean hasTags(StoreEntry entry) {
    EntryMeta meta = entry.meta();
    return meta != null && meta.hasTags();
  }
}
