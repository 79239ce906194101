package dev.lexigram.cache.backend.memory;

import dev.lexigram.cache.store.EntryMeta;

/**
 * What {@link MemoryStore} keeps for an entry that never expires and carries {@link EntryMeta
 * meta} (tags, say): the stored value and its meta, nothing else. Half the size of a {@link
 * dev.lexigram.cache.store.StoreEntry}, and the three fields a read needs fit one cache line, so a
 * read of a tagged entry costs about what a read of a bare value does. Identified, as a bare value
 * is, by its objects: the value and the meta.
 */
final class TaggedValue {

  final Object value;
  final EntryMeta meta;

  TaggedValue(Object value, EntryMeta meta) {
    this.value = value;
    this.meta = meta;
  }
}
