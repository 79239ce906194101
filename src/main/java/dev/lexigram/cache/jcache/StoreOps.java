package dev.lexigram.cache.jcache;

import dev.lexigram.cache.jcache.event.EventDispatcher;
import dev.lexigram.cache.jcache.expiry.ExpiryCalculator;
import dev.lexigram.cache.jcache.management.CacheStatistics;
import dev.lexigram.cache.serial.Copier;
import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.EntryReader;
import dev.lexigram.cache.store.MarkedEntry;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.store.StoreWrite;
import dev.lexigram.cache.tag.CacheTags;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The compare-and-set steps every cache operation is built from: read a live entry (expiring
 * it if its instant has passed), create, update, remove, touch. Each step that changes the store
 * publishes its event after the change. Values are copied in and out through the {@link Copier}
 * (identity for store-by-reference).
 */
final class StoreOps<K, V> {

  /** {@link #put} result: the value was not stored (its creation expiry was zero). */
  static final Object NOT_STORED = new Object();
  static final int STORED = 0;
  static final int SKIPPED = 1;
  static final int CONFLICT = 2;

  private final Store store;
  private final ExpiryCalculator expiry;
  private final EventDispatcher<K, V> dispatcher;
  private final CacheStatistics statistics;
  private final Copier copier;
  /** The cache's notion of now, read only when a step needs it (see {@link #liveValues}). */
  private final LongSupplier clock;
  /** The policy never moves expiry on access (decided once: the policy of a cache never changes). */
  private final boolean readsNeverTouch;
  private final CacheTags tags;

  StoreOps(Store store, ExpiryCalculator expiry, EventDispatcher<K, V> dispatcher,
      CacheStatistics statistics, Copier copier, LongSupplier clock, CacheTags tags) {
    this.store = store;
    this.expiry = expiry;
    this.dispatcher = dispatcher;
    this.statistics = statistics;
    this.copier = copier;
    this.clock = clock;
    this.readsNeverTouch = !expiry.accessMayChangeExpiry();
    this.tags = tags;
  }

  /**
   * Returns the meta to write: the given one if it carries tags (captured before its value was
   * computed) or the cache has none; else the cache's tags as they are now, with the given one's
   * compute time.
   */
  private EntryMeta withCacheTags(EntryMeta meta) {
    if ((meta != null && meta.hasTags()) || !tags.tagsEveryEntry()) {
      return meta;
    }
    return EntryMeta.combine(tags.capture(), meta);
  }

  /** Returns the cache's tags. */
  CacheTags tags() {
    return tags;
  }

  /**
   * Returns whether an entry just read is gone for the caller: expired, or carrying a tag
   * invalidated since it was written (such an entry is handled exactly as an expired one).
   */
  boolean isDead(StoreEntry entry, long now) {
    return entry.isExpired(now) || tags.isStale(entry);
  }

  /** Returns the entry if present and not expired; an expired one is removed and published. */
  StoreEntry live(Object key, long now) {
    return liveOf(key, store.get(key), now);
  }

  /**
   * Returns the entry just read from the store if it is live; an expired one (or one whose tags
   * were invalidated) is removed and published as expired.
   */
  StoreEntry liveOf(Object key, StoreEntry entry, long now) {
    if (entry != null && isDead(entry, now)) {
      expire(key, entry);
      return null;
    }
    return entry;
  }

  /**
   * Returns the live entries of the keys in one store call; expired ones are removed and
   * published. The map may be the store's own answer, keyed by the keys asked for.
   */
  Map<K, StoreEntry> liveAll(Collection<? extends K> keys, long now) {
    return liveAmong(keys, store.getAll(keys), now);
  }

  /** Returns the live entries among those just read from the store for the keys; see {@link #liveAll}. */
  @SuppressWarnings("unchecked")
  Map<K, StoreEntry> liveAmong(Collection<? extends K> keys, Map<Object, StoreEntry> found, long now) {
    for (StoreEntry entry : found.values()) {
      if (isDead(entry, now)) {
        return withoutExpired(keys, found, now);
      }
    }
    return (Map<K, StoreEntry>) (Map<?, StoreEntry>) found; // the common case: nothing to expire, no copy
  }

  private Map<K, StoreEntry> withoutExpired(Collection<? extends K> keys, Map<Object, StoreEntry> found, long now) {
    Map<K, StoreEntry> live = new LinkedHashMap<>(found.size() * 2);
    for (K key : keys) {
      StoreEntry entry = found.get(key);
      if (entry == null) {
        continue;
      }
      if (isDead(entry, now)) {
        expire(key, entry);
      } else {
        live.put(key, entry);
      }
    }
    return live;
  }

  /**
   * Writes without reading first, for a cache where that changes nothing observable: no listener
   * to tell created from updated, and every entry eternal.
   */
  void putBlind(K key, V value) {
    store.put(copier.copy(key), copier.copy(value), StoreEntry.ETERNAL, tags.capture());
  }

  /** Writes as {@link #putBlind} does, through the store's asynchronous put. */
  CompletionStage<StoreEntry> putBlindAsync(K key, V value, Executor executor) {
    if (tags.tagsEveryEntry()) {
      return CompletableFuture.supplyAsync(() -> store.put(copier.copy(key), copier.copy(value), StoreEntry.ETERNAL,
          tags.capture()), executor);
    }
    return store.putAsync(copier.copy(key), copier.copy(value), StoreEntry.ETERNAL, executor);
  }

  /** Writes every entry without reading first, in one store call; see {@link #putBlind}. */
  void putAllBlind(Map<K, V> entries) {
    Map<Object, StoreWrite> writes = new LinkedHashMap<>(entries.size() * 2);
    EntryMeta meta = tags.capture();
    entries.forEach((key, value) -> writes.put(copier.copy(key), new StoreWrite(copier.copy(value), StoreEntry.ETERNAL,
        meta)));
    store.putAll(writes);
  }

  private void expire(Object key, StoreEntry entry) {
    if (store.compareAndSet(key, entry, null, 0L) && dispatcher.hasListeners()) {
      dispatcher.publishExpired(keyOut(key), valueOf(entry));
    }
  }

  /**
   * Returns whether handling entries just read may write to the store: one of them has expired
   * (it is removed), or the policy may move an entry's expiry on access (it is touched).
   */
  boolean mayWriteAfterReading(Collection<StoreEntry> entries, long now) {
    if (expiry.accessMayChangeExpiry() && !entries.isEmpty()) {
      return true;
    }
    for (StoreEntry entry : entries) {
      if (entry.isExpired(now) || CacheTags.hasTags(entry)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns a reader that makes of a single-key read the value the caller gets: the copy (or,
   * by reference, the object) of the live value, touched for access; an expired entry is removed
   * and published. It counts nothing, so that a cache with statistics off checks for them once
   * per call, not once per step. A hit on an entry the store keeps bare (one that never expires,
   * on the memory store) reads no entry object and no clock.
   *
   * @param onMiss what the reader returns when there is no live value (a read-through load), or
   *     null for null
   */
  EntryReader<V> liveValues(Function<Object, V> onMiss) {
    return liveValues(onMiss, null);
  }

  /**
   * {@link #liveValues(Function)} whose reader also shows every live entry with an expiry instant
   * that it hands out to {@code onHit} (an early recompute, say), or to no one when null.
   */
  EntryReader<V> liveValues(Function<Object, V> onMiss, HitHook onHit) {
    if (expiry.accessMayChangeExpiry()) {
      return new TouchedValues(onMiss, onHit);
    }
    return (copier == Copier.identity()) ? new ReferencedValues(onMiss, onHit) : new CopiedValues(onMiss, onHit);
  }

  /** What a reader does with a live entry it hands out, beside handing it out. */
  @FunctionalInterface
  interface HitHook {
    void hit(Object key, StoreEntry live, long now);
  }

  /**
   * See {@link #liveValues}. What a hit on a bare value needs differs by cache, and is chosen
   * once, by class, so that the common read tests nothing about it.
   */
  private abstract class LiveValues implements EntryReader<V> {

    private final Function<Object, V> onMiss;
    private final HitHook onHit;
    /** The cache's tags, held here: the common tagged read reaches them in one step. */
    private final CacheTags entryTags = tags;
    /** A hit on an eternal entry needs nothing but its value: no hook to show it to, no touch. */
    private final boolean eternalHitIsValue;

    LiveValues(Function<Object, V> onMiss, HitHook onHit) {
      this.onMiss = onMiss;
      this.onHit = onHit;
      this.eternalHitIsValue = onHit == null && readsNeverTouch;
    }

    @Override
    public V absent(Object key) {
      return (onMiss == null) ? null : onMiss.apply(key);
    }

    @Override
    public V entry(Object key, StoreEntry entry) {
      if (entry.expiresAt() == StoreEntry.ETERNAL && readsNeverTouch) {
        // nothing about an eternal entry that a read cannot touch depends on the time (a tagged
        // entry of an eternal cache, say): no clock read, no expiry, only the tags to check
        if (tags.isStale(entry)) {
          expire(key, entry);
          return absent(key);
        }
        if (onHit != null) {
          onHit.hit(key, entry, 0L);
        }
        return valueOf(entry);
      }
      long now = clock.getAsLong();
      StoreEntry live = liveOf(key, entry, now);
      return (live == null) ? absent(key) : touchedValue(key, live, now);
    }

    @Override
    public V marked(Object key, MarkedEntry kept) {
      if (eternalHitIsValue) {
        // the common tagged read: one comparison of the entry's mark, no entry object
        if (entryTags.isCurrentNow(kept.mark())) {
          return eternal(key, kept.value());
        }
        long mark = entryTags.currentMark(kept.meta());
        if (mark != MarkedEntry.UNMARKED) {
          kept.mark(mark);
          return eternal(key, kept.value());
        }
      }
      return entry(key, kept.toEntry());
    }

    V touchedValue(Object key, StoreEntry live, long now) {
      if (onHit != null) {
        onHit.hit(key, live, now);
      }
      touchOnAccess(key, live, now);
      return valueOf(live);
    }
  }

  /** A read never moves expiry and values are held by reference (or arrive copied): the value is the answer. */
  private final class ReferencedValues extends LiveValues {
    ReferencedValues(Function<Object, V> onMiss, HitHook onHit) {
      super(onMiss, onHit);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V eternal(Object key, Object value) {
      return (V) value;
    }
  }

  /** A read never moves expiry and the cache stores by value: a copy of the value. */
  private final class CopiedValues extends LiveValues {
    CopiedValues(Function<Object, V> onMiss, HitHook onHit) {
      super(onMiss, onHit);
    }

    @Override
    public V eternal(Object key, Object value) {
      return valueOut(value);
    }
  }

  /** A read may move expiry: touching compares the entry's version, so the entry is read again. */
  private final class TouchedValues extends LiveValues {
    TouchedValues(Function<Object, V> onMiss, HitHook onHit) {
      super(onMiss, onHit);
    }

    @Override
    public V eternal(Object key, Object value) {
      long now = clock.getAsLong();
      StoreEntry entry = live(key, now);
      return (entry == null) ? absent(key) : touchedValue(key, entry, now);
    }
  }

  /**
   * Returns the entry just read from the store if it is live, counted as a hit and touched for
   * access, or null, counted as a miss.
   */
  StoreEntry hitOf(Object key, StoreEntry found, long now) {
    StoreEntry entry = liveOf(key, found, now);
    if (entry == null) {
      statistics.recordMisses(1);
      return null;
    }
    statistics.recordHits(1);
    touchOnAccess(key, entry, now);
    return entry;
  }

  /**
   * Puts the value of each key with a live entry into {@code hits}, applying the access expiry,
   * and adds the others to {@code missing} when it is not null; counts the hits and misses.
   */
  void collectHits(Collection<? extends K> keys, Map<K, StoreEntry> live, long now, Map<K, V> hits, Collection<K> missing) {
    int misses = 0;
    for (K key : keys) {
      StoreEntry entry = live.get(key);
      if (entry == null) {
        misses++;
        if (missing != null) {
          missing.add(key);
        }
      } else {
        touchOnAccess(key, entry, now);
        hits.put(key, valueOf(entry));
      }
    }
    statistics.recordHits(hits.size());
    statistics.recordMisses(misses);
  }

  /** Applies the policy's access expiry to an entry that was just read. */
  void touchOnAccess(Object key, StoreEntry entry, long now) {
    long expiresAt = expiry.onAccess(now);
    if (expiresAt != ExpiryCalculator.UNCHANGED && expiresAt != entry.expiresAt()) {
      store.touch(key, entry, expiresAt);
    }
  }

  V valueOf(StoreEntry entry) {
    return valueOut(entry.value());
  }

  /** Returns the value the caller gets for a stored value: the copy, or the object by reference. */
  @SuppressWarnings("unchecked")
  V valueOut(Object stored) {
    return copier.copy((V) stored);
  }

  @SuppressWarnings("unchecked")
  K keyOut(Object storedKey) {
    return copier.copy((K) storedKey);
  }

  /**
   * Writes the value whether or not the key is present.
   *
   * @return {@link #NOT_STORED}, the previous entry, or null if the key was absent
   */
  Object put(K key, V value, long now) {
    return put(key, value, now, ExpiryCalculator.UNCHANGED);
  }

  /**
   * Writes the value whether or not the key is present.
   *
   * @param fixedExpiresAt the new entry's expiry instant, or {@link ExpiryCalculator#UNCHANGED}
   *     to ask the expiry policy
   * @return {@link #NOT_STORED}, the previous entry, or null if the key was absent
   */
  Object put(K key, V value, long now, long fixedExpiresAt) {
    return put(key, value, now, fixedExpiresAt, null);
  }

  /** {@link #put(Object, Object, long, long)} writing the entry with the meta (or none, when null). */
  Object put(K key, V value, long now, long fixedExpiresAt, EntryMeta meta) {
    while (true) {
      StoreEntry current = live(key, now);
      if (current == null) {
        int outcome = create(key, value, now, fixedExpiresAt, meta);
        if (outcome == SKIPPED) {
          return NOT_STORED;
        } else if (outcome == STORED) {
          return null;
        }
      } else if (update(key, current, null, value, now, fixedExpiresAt, meta)) {
        return current;
      }
    }
  }

  /** Returns the value of a {@link #put} result's previous entry, or null. */
  V previousValue(Object putResult) {
    return (putResult instanceof StoreEntry entry) ? valueOf(entry) : null;
  }

  /** Creates the entry if the key is absent: {@link #STORED}, {@link #SKIPPED} or {@link #CONFLICT}. */
  int create(K key, V value, long now) {
    return create(key, value, now, ExpiryCalculator.UNCHANGED, null);
  }

  /** @param meta the entry's meta; see {@link #withCacheTags} */
  int create(K key, V value, long now, EntryMeta meta) {
    return create(key, value, now, ExpiryCalculator.UNCHANGED, meta);
  }

  private int create(K key, V value, long now, long fixedExpiresAt, EntryMeta meta) {
    meta = withCacheTags(meta);
    long expiresAt = (fixedExpiresAt == ExpiryCalculator.UNCHANGED) ? expiry.onCreation(now) : fixedExpiresAt;
    if (expiresAt <= now) {
      return SKIPPED;
    }
    if (!store.compareAndSet(copier.copy(key), null, copier.copy(value), expiresAt, meta)) {
      return CONFLICT;
    }
    dispatcher.publishCreated(key, value);
    return STORED;
  }

  /**
   * Replaces the current entry's value; returns false if the entry changed meanwhile.
   *
   * @param currentValue the current value if the caller has it already, or null
   */
  boolean update(K key, StoreEntry current, V currentValue, V value, long now) {
    return update(key, current, currentValue, value, now, ExpiryCalculator.UNCHANGED, null);
  }

  /** {@link #update(Object, StoreEntry, Object, Object, long)} writing the meta; see {@link #withCacheTags}. */
  boolean update(K key, StoreEntry current, V currentValue, V value, long now, EntryMeta meta) {
    return update(key, current, currentValue, value, now, ExpiryCalculator.UNCHANGED, meta);
  }

  private boolean update(K key, StoreEntry current, V currentValue, V value, long now, long fixedExpiresAt,
      EntryMeta meta) {
    meta = withCacheTags(meta);
    long expiresAt = (fixedExpiresAt == ExpiryCalculator.UNCHANGED) ? expiry.onUpdate(now) : fixedExpiresAt;
    if (expiresAt == ExpiryCalculator.UNCHANGED) {
      expiresAt = current.expiresAt();
    }
    if (!store.compareAndSet(key, current, copier.copy(value), expiresAt, meta)) {
      return false;
    }
    if (dispatcher.hasListeners()) {
      dispatcher.publishUpdated(key, currentValue == null ? valueOf(current) : currentValue, value);
    }
    return true;
  }

  /** Removes the key; returns the value it had, or null if absent or expired. */
  V remove(K key, long now) {
    while (true) {
      StoreEntry current = store.get(key);
      if (current == null) {
        return null;
      }
      if (isDead(current, now)) {
        expire(key, current);
        return null;
      }
      if (store.compareAndSet(key, current, null, 0L)) {
        V old = valueOf(current);
        dispatcher.publishRemoved(key, old);
        return old;
      }
    }
  }

  /** Removes the entry if it is still the given one. */
  boolean removeIfSame(K key, StoreEntry current, V currentValue) {
    if (!store.compareAndSet(key, current, null, 0L)) {
      return false;
    }
    dispatcher.publishRemoved(key, currentValue);
    return true;
  }

  /**
   * Stores a value that came from the loader: no writer, a created or updated event.
   *
   * @param tags the cache's tags as captured before the load started (see {@link #withCacheTags})
   */
  void storeLoaded(K key, V value, long now, boolean replaceExisting, EntryMeta tags) {
    if (replaceExisting) {
      put(key, value, now, ExpiryCalculator.UNCHANGED, tags);
    } else {
      create(key, value, now, ExpiryCalculator.UNCHANGED, tags);
    }
  }

  /**
   * Stores a value computed for an absent key, with the meta that says how long it took: no writer,
   * a created event; an entry present meanwhile stays.
   *
   * @param fixedExpiresAt the entry's expiry instant, or {@link ExpiryCalculator#UNCHANGED} for the policy's
   */
  void storeLoaded(K key, V value, long now, long fixedExpiresAt, EntryMeta meta) {
    create(key, value, now, fixedExpiresAt, meta);
  }

  /**
   * Replaces an entry with a value computed again before it expired, as if it had expired and
   * been loaded anew: it gets the expiry of a created entry (or {@code fixedExpiresAt}), and
   * listeners hear an update. Returns false, writing nothing, if the entry changed meanwhile.
   */
  boolean refresh(K key, StoreEntry expected, V value, long now, long fixedExpiresAt, EntryMeta meta) {
    meta = withCacheTags(meta);
    long expiresAt = (fixedExpiresAt == ExpiryCalculator.UNCHANGED) ? expiry.onCreation(now) : fixedExpiresAt;
    if (expiresAt <= now || !store.compareAndSet(key, expected, copier.copy(value), expiresAt, meta)) {
      return false;
    }
    if (dispatcher.hasListeners()) {
      dispatcher.publishUpdated(key, valueOf(expected), value);
    }
    return true;
  }

  /** Handles an entry the store removed by itself. */
  void onEvicted(Object key, StoreEntry entry, StoreEvictionListener.Cause cause) {
    if (cause == StoreEvictionListener.Cause.SIZE) {
      statistics.recordEvictions(1);
    } else if (dispatcher.hasListeners()) {
      dispatcher.publishExpired(keyOut(key), valueOf(entry));
    }
  }

  /** Sets a present entry's expiry instant; returns false if the key is absent. */
  boolean setExpiry(Object key, long now, long expiresAt) {
    while (true) {
      StoreEntry current = live(key, now);
      if (current == null) {
        return false;
      }
      if (store.touch(key, current, expiresAt)) {
        return true;
      }
    }
  }
}
