package dev.lexigram.cache.near;

import dev.lexigram.cache.serial.Copier;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.EntryReader;
import dev.lexigram.cache.store.StoreEntry;

/**
 * One entry as the near cache keeps it, read under {@code generation} and used until
 * {@code deadline} (its {@code max_ttl}, on {@link NearClock}). A known-immutable value is kept
 * as the object itself and handed out as it is; any other value is kept serialized and every hit
 * deserializes a fresh copy, so a near hit shares no state with another, exactly as a remote hit
 * would not.
 */
final class LocalCopy {

  /** The entry as read; for a mutable value, with the value's bytes in its place. */
  private final StoreEntry entry;
  private final boolean serialized;
  final long generation;
  final long deadline;

  private LocalCopy(StoreEntry entry, boolean serialized, long generation, long deadline) {
    this.entry = entry;
    this.serialized = serialized;
    this.generation = generation;
    this.deadline = deadline;
  }

  /**
   * Keeps the entry read from the server; the caller keeps the entry's value object, so a mutable
   * value is kept as its bytes.
   *
   * @throws dev.lexigram.cache.serial.SerializationException if a mutable value cannot be serialized
   */
  static LocalCopy of(StoreEntry entry, Serializer serializer, long generation, long deadline) {
    Object value = entry.value();
    return Copier.isKnownImmutable(value)
        ? new LocalCopy(entry, false, generation, deadline)
        : new LocalCopy(new StoreEntry(serializer.serialize(value), entry.version(), entry.expiresAt(), entry.meta()),
            true, generation, deadline);
  }

  /** Returns the entry with a value of its own for one caller (a shared immutable value is its own). */
  StoreEntry toEntry(Serializer serializer) {
    return serialized ? new StoreEntry(valueFor(serializer), entry.version(), entry.expiresAt(), entry.meta()) : entry;
  }

  /**
   * Hands the copy to a reader: an entry that never expires and carries no meta (no tags to check)
   * as its bare value, so that a hit needs no entry object, as on the memory store.
   */
  <R> R readBy(Object key, EntryReader<R> reader, Serializer serializer) {
    if (entry.expiresAt() == StoreEntry.ETERNAL && entry.meta() == null) {
      return reader.eternal(key, valueFor(serializer));
    }
    return reader.entry(key, toEntry(serializer));
  }

  private Object valueFor(Serializer serializer) {
    return serialized ? serializer.deserialize((byte[]) entry.value()) : entry.value();
  }
}
