package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.backend.memcached.ItemNames.ItemName;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one cache's values into item bytes and items back into entries. A write checks the
 * item against the servers' size limit first. A read that meets an item it cannot use (not a
 * record, a record of another full name after a hash collision, a value the serializer rejects)
 * returns null, so that the item reads as a miss: it is counted and the first one per store is
 * logged, but a read never fails because of what it found. Thread-safe.
 */
final class EntryCodec {

  private static final Logger LOG = LoggerFactory.getLogger(EntryCodec.class);

  private final String backend;
  private final String cacheName;
  private final Serializer serializer;
  private final ItemSizeLimit limit;
  private final AtomicLong unreadable = new AtomicLong();
  private final AtomicBoolean logged = new AtomicBoolean();

  EntryCodec(String backend, String cacheName, Serializer serializer, ItemSizeLimit limit) {
    this.backend = backend;
    this.cacheName = cacheName;
    this.serializer = serializer;
    this.limit = limit;
  }

  /** Returns a new random, non-zero version. */
  static long newVersion() {
    long version;
    do {
      version = ThreadLocalRandom.current().nextLong();
    } while (version == 0);
    return version;
  }

  /**
   * Returns the item bytes for a value.
   *
   * @throws StoreException SERIALIZATION if the serializer rejects it, CAPACITY if the item would
   *     exceed the servers' item size limit
   */
  byte[] encode(ItemName name, Object value, long version, long expiresAt, EntryMeta meta) {
    byte[] payload;
    try {
      payload = serializer.serialize(value);
    } catch (RuntimeException e) {
      throw new StoreException(Kind.SERIALIZATION, "memcached backend '" + backend + "': cannot write the value of '"
          + name.fullName() + "' with the " + serializer.name() + " serializer: " + e.getMessage(), e);
    }
    byte[] item = Record.encode(version, expiresAt, meta, name.isHashed() ? name.fullName() : null, payload);
    checkSize(name, item);
    return item;
  }

  void checkSize(ItemName name, byte[] item) {
    long max = limit.bytes();
    long size = (long) item.length + name.item().length() + ItemSizeLimit.ITEM_OVERHEAD;
    if (max > 0 && size > max) {
      throw new StoreException(Kind.CAPACITY, "memcached backend '" + backend + "': the item for '" + name.fullName()
          + "' needs " + size + " bytes (a " + item.length + "-byte record), over the servers' item size limit of "
          + max + " bytes. Fix: store a smaller value, or raise the limit with memcached -I (e.g. -I 2m)");
    }
  }

  /** Returns the record of an item that belongs to the name, or null (counted) if it does not. */
  Record record(ItemName name, byte[] item) {
    if (item == null) {
      return null;
    }
    Record record;
    try {
      record = Record.decode(item);
    } catch (IllegalArgumentException e) {
      return unreadable(name, e.getMessage(), e);
    }
    String expected = name.isHashed() ? name.fullName() : null;
    if (expected == null ? record.originalName() != null : !expected.equals(record.originalName())) {
      return unreadable(name, "the item holds '" + record.originalName() + "' (hash collision)", null);
    }
    return record;
  }

  /** Returns the entry an item holds for the name, or null (counted) if it holds none. */
  StoreEntry entry(ItemName name, byte[] item) {
    Record record = record(name, item);
    if (record == null) {
      return null;
    }
    try {
      return new StoreEntry(record.readValue(serializer), record.version(), record.expiresAt(), record.meta());
    } catch (RuntimeException e) {
      return unreadable(name, "the " + serializer.name() + " serializer cannot read the value: " + e.getMessage(), e);
    }
  }

  /** Returns how many items read as misses because they could not be used. */
  long unreadableCount() {
    return unreadable.get();
  }

  private <T> T unreadable(ItemName name, String reason, Throwable cause) {
    unreadable.incrementAndGet();
    if (logged.compareAndSet(false, true)) {
      LOG.warn("memcached backend '{}', cache '{}': item '{}' is not a readable entry and reads as a miss: {}"
          + " (further ones are only counted)", backend, cacheName, name.item(), reason, cause);
    }
    return null;
  }
}
