package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.store.RemoteKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One enumeration of a cache's keys: lists the item names under the cache's prefix with
 * {@link Metadump}, decodes readable names with {@link RemoteKeys#keyOf}, and reads the records of
 * names that may be hashes to learn the full name they stand for. Names that no longer exist, or
 * whose key cannot be decoded, are left out.
 */
final class KeyListing {

  private final ItemNames names;
  private final Metadump metadump;
  private final Function<Collection<String>, Map<String, byte[]>> bulkGet;

  KeyListing(ItemNames names, Metadump metadump, Function<Collection<String>, Map<String, byte[]>> bulkGet) {
    this.names = names;
    this.metadump = metadump;
    this.bulkGet = bulkGet;
  }

  List<Object> keys() {
    RemoteKeys keys = names.keys();
    List<Object> found = new ArrayList<>();
    List<String> maybeHashed = new ArrayList<>();
    for (String item : metadump.names(name -> name.startsWith(names.prefix()))) {
      if (names.mayBeHashed(item)) {
        maybeHashed.add(item);
      } else if (keys.owns(item)) {
        addDecoded(found, item, item);
      }
    }
    if (!maybeHashed.isEmpty()) {
      bulkGet.apply(maybeHashed).forEach((item, bytes) -> {
        String fullName = fullName(item, bytes);
        if (fullName != null && keys.owns(fullName)) {
          addDecoded(found, fullName, item);
        }
      });
    }
    return found;
  }

  /** Returns the full name a possibly hashed item stands for, or null if its record says none. */
  private String fullName(String item, byte[] bytes) {
    try {
      String original = Record.decode(bytes).originalName();
      return original != null ? original : item;
    } catch (IllegalArgumentException e) {
      return null; // not a record: reads as a miss, so it is no key either
    }
  }

  /** Adds the key of a full name if it is the one stored under the item (a forged record is not). */
  private void addDecoded(List<Object> found, String fullName, String item) {
    try {
      Object key = names.keys().keyOf(fullName);
      if (names.of(key).item().equals(item)) {
        found.add(key);
      }
    } catch (RuntimeException e) {
      // a key its serializer cannot read back is not one this cache can hand out
    }
  }
}
