package dev.lexigram.cache.near;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lexigram.cache.config.NearCacheSettings;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.StoreEntry;
import java.util.concurrent.ConcurrentMap;

/**
 * One cache's local copies, by server-side name, at most {@code max_size} of them and none older
 * than {@code max_ttl}.
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

  private final String namespace;
  private final ConcurrentMap<String, Object> slots;
  private final Cache<String, Object> cache;
  private final NearCounters counters;

  /**
   * @param namespace the start of every server-side name of the cache ({@code prefix:cacheName:})
   */
  public NearEntries(String namespace, NearCacheSettings settings, NearCounters counters) {
    this.namespace = namespace;
    this.cache = Caffeine.newBuilder()
        .maximumSize(settings.maxSize())
        .expireAfterWrite(settings.maxTtl())
        .executor(Runnable::run)
        .build();
    this.slots = cache.asMap();
    this.counters = counters;
    counters.sizeFrom(cache::estimatedSize);
  }

  /** Returns {@code keyPrefix:cacheName:}, the start of every name whose invalidations concern these entries. */
  public String namespace() {
    return namespace;
  }

  /** Returns the copy of the name read under {@code generation}, or null. */
  LocalCopy copy(String name, long generation) {
    return slots.get(name) instanceof LocalCopy copy && copy.generation == generation ? copy : null;
  }

  /** Reserves the name for a fill under {@code generation}, replacing whatever it held. */
  Reservation reserve(String name, long generation) {
    Reservation reservation = new Reservation(generation);
    slots.put(name, reservation);
    return reservation;
  }

  /**
   * Keeps what the fill read (null: the key is absent, so nothing is kept) if its reservation is
   * still in place; otherwise an invalidation overtook the read, and nothing is kept.
   */
  void complete(String name, Reservation reservation, StoreEntry read, Serializer serializer) {
    if (read == null) {
      slots.remove(name, reservation);
      return;
    }
    if (slots.get(name) != reservation) {
      return; // overtaken: skip the copy's cost
    }
    LocalCopy copy;
    try {
      copy = LocalCopy.of(read, serializer, reservation.generation);
    } catch (RuntimeException e) {
      slots.remove(name, reservation); // a value this process cannot copy is simply not kept
      return;
    }
    slots.replace(name, reservation, copy);
  }

  /** Removes the name because the server said it changed. */
  public void invalidate(String name) {
    counters.invalidation();
    slots.remove(name);
  }

  /** Removes the name because this process changed it (or tried to); null (a key with no name) does nothing. */
  void forget(String name) {
    if (name != null) {
      slots.remove(name);
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
