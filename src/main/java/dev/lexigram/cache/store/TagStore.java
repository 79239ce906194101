package dev.lexigram.cache.store;

import java.util.Collection;
import java.util.Map;

/**
 * The tag versions of one backend (the SPI under tag invalidation): each tag has a version, a
 * random non-zero long, kept on the backend under a name outside every cache's keys. An entry
 * written with tags records their versions; a read compares them with the current ones, and a
 * tag whose version differs or is missing (never created, invalidated by an older version of this
 * library, evicted) makes the entry read as absent. Invalidating a tag writes it a new random
 * version: one write per tag, whatever the number of entries carrying it.
 *
 * <p>Every operation is one round trip on a remote backend (pipelined or multi-key); each tag's
 * read and write is atomic. Tags are non-blank strings the cache layer has checked.
 */
public interface TagStore {

  /**
   * Returns the current versions of the tags that have one; a tag without a version is missing
   * from the map.
   *
   * @throws StoreException if the backend cannot be asked
   */
  Map<String, Long> versions(Collection<String> tags);

  /**
   * Returns the current version of every tag, first giving a new random version to each tag that
   * has none (without replacing a version another process created meanwhile).
   *
   * @throws StoreException if the backend cannot be asked
   */
  Map<String, Long> versionsCreating(Collection<String> tags);

  /**
   * Gives every tag a new random version, so that every entry written with an older version of
   * any of them reads as absent.
   *
   * @throws StoreException if the backend cannot be asked (some tags may have been invalidated)
   */
  void invalidate(Collection<String> tags);

  /** Returns a new random, non-zero tag version. */
  static long newVersion() {
    long version;
    do {
      version = java.util.concurrent.ThreadLocalRandom.current().nextLong();
    } while (version == 0);
    return version;
  }
}
