package dev.lexigram.cache.near;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lexigram.cache.config.NearCacheSettings;
import dev.lexigram.cache.serial.Copier;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.RemoteKeys;
import dev.lexigram.cache.store.StoreEntry;
import java.util.concurrent.ConcurrentMap;

/**
 * One cache's local copies, at most {@code max_size} of them and none older than {@code max_ttl}.
 * A copy is filed under its key when the key is known to be immutable (a String, a boxed number:
 * nothing to build on a hit), else under its server-side name; an invalidation, which names it,
 * removes both.
 *
 * <p>How a read fills it without ever keeping a value an invalidation has already overtaken: the
 * reader first {@link #reserve reserves} the name with a placeholder of its own, then reads the
 * server, then {@link #complete completes}: the copy replaces the placeholder only if that very
 * placeholder is still there. Every invalidation removes whatever the name holds, placeholder or
 * copy. An invalidation of a write the server applied after the read therefore either removes the
 * placeholder first (the completion finds it gone and keeps nothing) or removes the copy after it;
 * on Redis both arrive on the connection that carried the read, after its reply. A write by this
 * process removes the name once the server has acknowledged it, so this process reads its own
 * writes. The copy also records the channel's generation at reservation, and is answered only
 * while that generation is current.
 */
public final class NearEntries {

  /** The placeholder of one reader's fill; compared by identity. */
  static final class Reservation {
    final long generation;

    Reservation(long generation) {
      this.generation = generation;
    }
  }

  private final RemoteKeys keys;
  private final ConcurrentMap<Object, Object> slots;
  private final Cache<Object, Object> cache;
  private final NearCounters counters;
  private final long maxTtlMillis;

  /**
   * @param keys how the cache's keys are named on the server
   */
  public NearEntries(RemoteKeys keys, NearCacheSettings settings, NearCounters counters) {
    this.keys = keys;
    this.cache = Caffeine.newBuilder()
        .maximumSize(settings.maxSize())
        .executor(Runnable::run)
        .build();
    this.slots = cache.asMap();
    this.counters = counters;
    this.maxTtlMillis = settings.maxTtl().toMillis();
    counters.sizeFrom(cache::estimatedSize);
  }

  /** Returns {@code keyPrefix:cacheName:}, the start of every name whose invalidations concern these entries. */
  public String namespace() {
    return keys.namespace();
  }

  /**
   * Returns what the key's copy is filed under: the key itself when it is known to be immutable,
   * else its server-side name; null when it has no name (it cannot be encoded), so it is never kept.
   */
  Object slotOf(Object key) {
    if (Copier.isKnownImmutable(key)) {
      return key;
    }
    try {
      return keys.nameOf(key);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Returns the copy filed under {@code slot}, read under {@code generation} and within max_ttl, or null. */
  LocalCopy copy(Object slot, long generation) {
    return slots.get(slot) instanceof LocalCopy copy && copy.generation == generation
        && NearClock.millis() < copy.deadline ? copy : null;
  }

  /** Reserves the slot for a fill under {@code generation}, replacing whatever it held. */
  Reservation reserve(Object slot, long generation) {
    Reservation reservation = new Reservation(generation);
    slots.put(slot, reservation);
    return reservation;
  }

  /**
   * Keeps what the fill read (null: the key is absent, so nothing is kept) if its reservation is
   * still in place; otherwise an invalidation overtook the read, and nothing is kept.
   */
  void complete(Object slot, Reservation reservation, StoreEntry read, Serializer serializer) {
    if (read == null) {
      slots.remove(slot, reservation);
      return;
    }
    if (slots.get(slot) != reservation) {
      return; // overtaken: skip the copy's cost
    }
    LocalCopy copy;
    try {
      copy = LocalCopy.of(read, serializer, reservation.generation, NearClock.millis() + maxTtlMillis);
    } catch (RuntimeException e) {
      slots.remove(slot, reservation); // a value this process cannot copy is simply not kept
      return;
    }
    slots.replace(slot, reservation, copy);
  }

  /** Removes the key of a server-side name because the server said it changed. */
  public void invalidate(String name) {
    counters.invalidation();
    slots.remove(name);
    Object key;
    try {
      key = keys.keyOf(name);
    } catch (RuntimeException e) {
      return; // not a key of this cache: nothing filed under it
    }
    if (key != null) {
      slots.remove(key);
    }
  }

  /** Removes the slot because this process changed its key (or tried to); null (a key with no name) does nothing. */
  void forget(Object slot) {
    if (slot != null) {
      slots.remove(slot);
    }
  }

  /** Removes every copy and reservation: the channel may have missed invalidations. */
  public void invalidateAll() {
    counters.flush();
    cache.invalidateAll();
  }

  /** Removes every copy and reservation because this process cleared the cache. */
  void forgetAll() {
    cache.invalidateAll();
  }
}
