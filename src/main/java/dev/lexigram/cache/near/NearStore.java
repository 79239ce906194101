package dev.lexigram.cache.near;

import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.EntryReader;
import dev.lexigram.cache.store.Glob;
import dev.lexigram.cache.store.KeyLease;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreWrite;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A remote store with a near cache in front: reads are answered from {@link NearEntries} while
 * the {@link NearChannel}'s generation vouches for them, and fill it otherwise; every write goes
 * to the server and then forgets the keys it touched, so this process reads its own writes.
 * Everything else (leases, enumeration) is the remote store's.
 *
 * <p>A near hit hands back an entry like the remote store's (value, version, expiry instant,
 * meta): the cache layer above applies expiry, tag versions and statistics to it unchanged.
 */
public final class NearStore implements Store {

  private final Store remote;
  private final Serializer serializer;
  private final NearEntries entries;
  private final NearChannel channel;
  private final NearCounters counters;

  /**
   * @param remote the store on the server, on the connection whose invalidations {@code channel} delivers
   * @param serializer copies mutable values for the near cache
   */
  public NearStore(Store remote, Serializer serializer, NearEntries entries, NearChannel channel,
      NearCounters counters) {
    this.remote = remote;
    this.serializer = serializer;
    this.entries = entries;
    this.channel = channel;
    this.counters = counters;
    channel.attach(entries);
  }

  @Override
  public StoreEntry get(Object key) {
    Object slot = entries.slotOf(key);
    if (slot == null) {
      return remote.get(key);
    }
    long generation = channel.generation();
    LocalCopy copy = entries.copy(slot, generation);
    if (copy != null) {
      counters.hit();
      return copy.toEntry(serializer);
    }
    return fill(key, slot, generation);
  }

  /** A hit is handed to the reader as the memory store hands its own: bare, when it never expires and has no meta. */
  @Override
  public <R> R read(Object key, EntryReader<R> reader) {
    Object slot = entries.slotOf(key);
    if (slot == null) {
      return remote.read(key, reader);
    }
    long generation = channel.generation();
    LocalCopy copy = entries.copy(slot, generation);
    if (copy != null) {
      counters.hit();
      return copy.readBy(key, reader, serializer);
    }
    StoreEntry read = fill(key, slot, generation);
    return read == null ? reader.absent(key) : reader.entry(key, read);
  }

  /** Reads the key from the server (a miss), keeping what it read unless an invalidation overtakes it. */
  private StoreEntry fill(Object key, Object slot, long generation) {
    counters.miss();
    if (generation < 0) {
      return remote.get(key);
    }
    NearEntries.Reservation reservation = entries.reserve(slot, generation);
    StoreEntry read;
    try {
      read = remote.get(key);
    } catch (RuntimeException e) {
      entries.complete(slot, reservation, null, serializer);
      throw e;
    }
    entries.complete(slot, reservation, read, serializer);
    return read;
  }

  @Override
  public Map<Object, StoreEntry> getAll(Collection<?> requested) {
    Map<Object, Object> slots = new LinkedHashMap<>(requested.size() * 2);
    for (Object key : requested) {
      Object slot = entries.slotOf(key);
      if (slot == null) { // a key that cannot be encoded: the whole read bypasses the near cache
        return remote.getAll(requested);
      }
      slots.put(key, slot);
    }
    long generation = channel.generation();
    Map<Object, StoreEntry> found = new HashMap<>(requested.size() * 2);
    Map<Object, Object> missing = new LinkedHashMap<>();
    slots.forEach((key, slot) -> {
      LocalCopy copy = entries.copy(slot, generation);
      if (copy != null) {
        counters.hit();
        found.put(key, copy.toEntry(serializer));
      } else {
        counters.miss();
        missing.put(key, slot);
      }
    });
    if (missing.isEmpty()) {
      return found;
    }
    Map<Object, NearEntries.Reservation> reservations = reserveAll(missing, generation);
    Map<Object, StoreEntry> read;
    try {
      read = remote.getAll(missing.keySet());
    } catch (RuntimeException e) {
      reservations.forEach((key, reservation) -> entries.complete(missing.get(key), reservation, null, serializer));
      throw e;
    }
    reservations.forEach((key, reservation) ->
        entries.complete(missing.get(key), reservation, read.get(key), serializer));
    found.putAll(read);
    return found;
  }

  private Map<Object, NearEntries.Reservation> reserveAll(Map<Object, Object> slots, long generation) {
    Map<Object, NearEntries.Reservation> reservations = new HashMap<>(slots.size() * 2);
    if (generation >= 0) {
      slots.forEach((key, slot) -> reservations.put(key, entries.reserve(slot, generation)));
    }
    return reservations;
  }

  @Override
  public CompletionStage<StoreEntry> getAsync(Object key, Executor executor) {
    Object slot = entries.slotOf(key);
    if (slot == null) {
      return remote.getAsync(key, executor);
    }
    long generation = channel.generation();
    LocalCopy copy = entries.copy(slot, generation);
    if (copy != null) {
      counters.hit();
      return CompletableFuture.completedFuture(copy.toEntry(serializer));
    }
    counters.miss();
    if (generation < 0) {
      return remote.getAsync(key, executor);
    }
    NearEntries.Reservation reservation = entries.reserve(slot, generation);
    return remote.getAsync(key, executor).whenComplete((read, failure) ->
        entries.complete(slot, reservation, failure == null ? read : null, serializer));
  }

  @Override
  public CompletionStage<Map<Object, StoreEntry>> getAllAsync(Collection<?> requested, Executor executor) {
    return CompletableFuture.supplyAsync(() -> getAll(requested), executor);
  }

  @Override
  public KeyLease tryLease(Object key, long ttlMillis) {
    return remote.tryLease(key, ttlMillis);
  }

  @Override
  public boolean isShared() {
    return remote.isShared();
  }

  @Override
  public CompletionStage<StoreEntry> putAsync(Object key, Object value, long expiresAt, Executor executor) {
    Object slot = entries.slotOf(key);
    return remote.putAsync(key, value, expiresAt, executor).whenComplete((written, failure) -> entries.forget(slot));
  }

  @Override
  public CompletionStage<StoreEntry> removeAsync(Object key, Executor executor) {
    Object slot = entries.slotOf(key);
    return remote.removeAsync(key, executor).whenComplete((removed, failure) -> entries.forget(slot));
  }

  @Override
  public StoreEntry put(Object key, Object value, long expiresAt, EntryMeta meta) {
    return forgetting(key, () -> remote.put(key, value, expiresAt, meta));
  }

  @Override
  public void putAll(Map<?, StoreWrite> writes) {
    try {
      remote.putAll(writes);
    } finally {
      writes.keySet().forEach(key -> entries.forget(entries.slotOf(key)));
    }
  }

  @Override
  public boolean compareAndSet(Object key, StoreEntry expected, Object newValue, long expiresAt, EntryMeta meta) {
    return forgetting(key, () -> remote.compareAndSet(key, expected, newValue, expiresAt, meta));
  }

  @Override
  public boolean touch(Object key, StoreEntry expected, long expiresAt) {
    return forgetting(key, () -> remote.touch(key, expected, expiresAt));
  }

  @Override
  public StoreEntry remove(Object key) {
    return forgetting(key, () -> remote.remove(key));
  }

  @Override
  public void removeAll(Collection<?> toRemove) {
    try {
      remote.removeAll(toRemove);
    } finally {
      toRemove.forEach(key -> entries.forget(entries.slotOf(key)));
    }
  }

  /** Runs a write of the key, then forgets the key whatever the outcome (a failed write may have landed). */
  private <T> T forgetting(Object key, Supplier<T> write) {
    Object slot = entries.slotOf(key);
    try {
      return write.get();
    } finally {
      entries.forget(slot);
    }
  }

  @Override
  public Iterator<Object> keys() {
    return remote.keys();
  }

  @Override
  public Iterator<Object> keys(Glob glob) {
    return remote.keys(glob);
  }

  @Override
  public void clear() {
    try {
      remote.clear();
    } finally {
      entries.forgetAll();
    }
  }

  @Override
  public void close() {
    channel.detach(entries);
    entries.forgetAll();
    remote.close();
  }
}
