package dev.lexigram.cache.backend.memory;

import dev.lexigram.cache.store.TagStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tag versions of a memory backend: one map in this process, shared by every cache on the
 * backend. Versions are never evicted; a tag takes one map entry.
 */
final class InProcessTags implements TagStore {

  private final ConcurrentHashMap<String, Long> versions = new ConcurrentHashMap<>();

  @Override
  public Map<String, Long> versions(Collection<String> tags) {
    Map<String, Long> found = new HashMap<>(tags.size() * 2);
    for (String tag : tags) {
      Long version = versions.get(tag);
      if (version != null) {
        found.put(tag, version);
      }
    }
    return found;
  }

  @Override
  public Map<String, Long> versionsCreating(Collection<String> tags) {
    Map<String, Long> found = new HashMap<>(tags.size() * 2);
    for (String tag : tags) {
      found.put(tag, versions.computeIfAbsent(tag, t -> TagStore.newVersion()));
    }
    return found;
  }

  @Override
  public void invalidate(Collection<String> tags) {
    for (String tag : tags) {
      versions.compute(tag, (t, old) -> {
        long next;
        do {
          next = TagStore.newVersion();
        } while (old != null && next == old);
        return next;
      });
    }
  }
}
