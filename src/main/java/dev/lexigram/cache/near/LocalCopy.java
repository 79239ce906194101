package dev.lexigram.cache.near;

import dev.lexigram.cache.serial.Copier;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.StoreEntry;

/**
 * One entry as the near cache keeps it, read under {@code generation}. A known-immutable value is
 * kept as the object itself and handed out as it is; any other value is kept serialized and every
 * hit deserializes a fresh copy, so a near hit shares no state with another, exactly as a remote
 * hit would not.
 */
final class LocalCopy {

  private final Object value;
  private final boolean serialized;
  private final long version;
  private final long expiresAt;
  private final EntryMeta meta;
  final long generation;

  private LocalCopy(Object value, boolean serialized, StoreEntry entry, long generation) {
    this.value = value;
    this.serialized = serialized;
    this.version = entry.version();
    this.expiresAt = entry.expiresAt();
    this.meta = entry.meta();
    this.generation = generation;
  }

  /**
   * Keeps the entry read from the server; the caller keeps the entry's value object, so a mutable
   * value is kept as its bytes.
   *
   * @throws dev.lexigram.cache.serial.SerializationException if a mutable value cannot be serialized
   */
  static LocalCopy of(StoreEntry entry, Serializer serializer, long generation) {
    Object value = entry.value();
    return Copier.isKnownImmutable(value)
        ? new LocalCopy(value, false, entry, generation)
        : new LocalCopy(serializer.serialize(value), true, entry, generation);
  }

  /** Returns the entry with a value of its own for one caller. */
  StoreEntry toEntry(Serializer serializer) {
    Object copy = serialized ? serializer.deserialize((byte[]) value) : value;
    return new StoreEntry(copy, version, expiresAt, meta);
  }
}
