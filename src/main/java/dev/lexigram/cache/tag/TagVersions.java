package dev.lexigram.cache.tag;

import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.MarkedEntry;
import dev.lexigram.cache.store.TagStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The tag versions of one backend as this process sees them: the {@link TagStore}'s, each kept
 * here for a staleness window after it was read, so that reads of tagged entries seldom ask the
 * backend. An entry is current while every tag it carries still has the version it recorded; a
 * tag without a version (never created, evicted) is never current, so eviction fails safe.
 *
 * <p>Guarantees: after {@link #invalidate} returns, this process reads no entry written before
 * with one of those tags; another process reads none once its window has passed (it may keep a
 * version it read for that long). A write records versions {@link #capture captured} before its
 * value was computed, so a value computed from data read before an invalidation never outlives it.
 * Versions read here only replace ones read earlier (a sequence number orders them), so a slow
 * read cannot bring back a version an invalidation has replaced.
 *
 * <p>For a backend no other process shares, the window is unbounded: every version change goes
 * through this object.
 */
public final class TagVersions {

  /** One tag's version as last read here; version 0 when it has none. */
  private static final class TagState {
    final String tag;
    volatile long version;
    volatile long readAtNanos;
    volatile boolean known;
    long sequence; // guarded by this

    TagState(String tag) {
      this.tag = tag;
    }

    synchronized void update(long newVersion, long newSequence, long now) {
      if (newSequence > sequence) {
        sequence = newSequence;
        version = newVersion;
        readAtNanos = now;
        known = true;
      }
    }
  }

  /** What an entry's tags resolve to here, noted on its meta. */
  private record Resolved(TagVersions owner, TagState[] states) {}

  /** How many tag sets keep their latest meta for sharing (a bound on a map keyed by callers' data). */
  private static final int MAX_RECENT_METAS = 1_024;

  private final TagStore store;
  private final long windowNanos;
  /**
   * Unbounded window only: counts the changes of any version read here. A meta that found its
   * tags current at this epoch is still current while it lasts, so a read of a tagged entry costs
   * one comparison until the next invalidation.
   */
  private volatile long epoch = EPOCHS.incrementAndGet();
  private final LongAdder invalidations = new LongAdder();

  /** Returns how many tags this process invalidated on the backend. */
  public long invalidations() {
    return invalidations.sum();
  }
  /** Hands out the epochs of every instance, so that no two instances ever share one (a meta's mark names its checker). */
  private static final AtomicLong EPOCHS = new AtomicLong();
  private final ConcurrentHashMap<String, TagState> states = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final ConcurrentHashMap<List<String>, EntryMeta> recentMetas = new ConcurrentHashMap<>();

  /**
   * @param store the backend's tag versions
   * @param window how long a version read here is used before it is read again; null for as long
   *     as this object lives (a store no other process changes)
   */
  public TagVersions(TagStore store, Duration window) {
    this.store = store;
    this.windowNanos = window == null ? Long.MAX_VALUE : window.toNanos();
  }

  /**
   * Returns the meta of an entry carrying the tags with their current versions (creating versions
   * for tags that have none), or null for no tags. Call it before the value is computed.
   */
  public EntryMeta capture(String[] tags) {
    if (tags.length == 0) {
      return null;
    }
    TagState[] resolved = resolve(tags);
    refreshStale(resolved, true);
    long[] versions = new long[tags.length];
    for (int i = 0; i < tags.length; i++) {
      versions[i] = resolved[i].version;
      if (versions[i] == 0) { // a concurrent read ordered after this one found it missing: ask again
        versions[i] = store.versionsCreating(List.of(tags[i])).get(tags[i]);
      }
    }
    // entries written with the same tags at the same versions share one meta: one object, not
    // five, per entry kept in memory, and fewer for a read to reach
    List<String> key = Arrays.asList(tags);
    EntryMeta recent = recentMetas.get(key);
    if (recent != null && recent.sameTagsAs(tags, versions)) {
      return recent;
    }
    EntryMeta meta = EntryMeta.tagged(tags, versions);
    meta.resolved(new Resolved(this, resolved));
    if (recentMetas.size() < MAX_RECENT_METAS || recentMetas.containsKey(key)) {
      recentMetas.put(key, meta);
    }
    return meta;
  }

  /**
   * Returns true when this instance found the meta's tags current at the present epoch (nothing
   * changed since): one comparison, the whole check of a tagged read in the common case. False
   * says nothing; {@link #isCurrent} decides.
   */
  public boolean isCurrentNow(EntryMeta meta) {
    return meta.currentAt() == epoch;
  }

  /** Returns whether a mark from {@link #currentMark} is still good: nothing changed since. */
  public boolean isCurrentNow(long mark) {
    return mark == epoch;
  }

  /**
   * Returns the epoch at which the meta's tags were found current, a mark {@link
   * #isCurrentNow(long)} accepts until a version changes; {@link MarkedEntry#UNMARKED} when they
   * are not current, or when this instance keeps versions for a window only (no mark can say
   * when the window ends). A meta without tags is current at any epoch.
   */
  public long currentMark(EntryMeta meta) {
    if (windowNanos != Long.MAX_VALUE) {
      return MarkedEntry.UNMARKED;
    }
    long now = epoch; // read before the versions: a change after this moves the epoch past the mark
    return (!meta.hasTags() || isCurrent(meta)) ? now : MarkedEntry.UNMARKED;
  }

  /**
   * Returns whether every tag the entry carries still has the version the entry recorded. On a
   * backend no other process shares (unbounded window), a meta found current is marked with the
   * epoch, so the next read costs one comparison until a version changes.
   */
  public boolean isCurrent(EntryMeta meta) {
    long now = epoch; // read before the versions: a change after this moves the epoch past the mark
    if (windowNanos == Long.MAX_VALUE && meta.currentAt() == now) {
      return true;
    }
    TagState[] resolved = resolvedOf(meta);
    refreshStale(resolved, false);
    boolean current = matches(meta, resolved);
    if (current && windowNanos == Long.MAX_VALUE) {
      meta.currentAt(now);
    }
    return current;
  }

  private static boolean matches(EntryMeta meta, TagState[] resolved) {
    for (int i = 0; i < resolved.length; i++) {
      long version = resolved[i].version;
      if (version == 0 || version != meta.version(i)) {
        return false;
      }
    }
    return true;
  }

  /** Gives the tags new versions on the backend, and reads them here at once. */
  public void invalidate(String[] tags) {
    store.invalidate(Arrays.asList(tags));
    invalidations.add(tags.length);
    TagState[] resolved = resolve(tags);
    read(Arrays.asList(resolved), false);
  }

  private TagState[] resolvedOf(EntryMeta meta) {
    if (meta.resolved() instanceof Resolved memo && memo.owner == this) {
      return memo.states;
    }
    String[] tags = new String[meta.tagCount()];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = meta.tag(i);
    }
    TagState[] resolved = resolve(tags);
    meta.resolved(new Resolved(this, resolved));
    return resolved;
  }

  private TagState[] resolve(String[] tags) {
    TagState[] resolved = new TagState[tags.length];
    for (int i = 0; i < tags.length; i++) {
      resolved[i] = states.computeIfAbsent(tags[i], TagState::new);
    }
    return resolved;
  }

  private void refreshStale(TagState[] resolved, boolean creating) {
    List<TagState> stale = null;
    boolean bounded = windowNanos != Long.MAX_VALUE;
    long now = bounded ? System.nanoTime() : 0L; // an unbounded window needs no clock: a memory read stays cheap
    for (TagState state : resolved) {
      if (!state.known || (creating && state.version == 0) || (bounded && now - state.readAtNanos > windowNanos)) {
        if (stale == null) {
          stale = new ArrayList<>(resolved.length);
        }
        stale.add(state);
      }
    }
    if (stale != null) {
      read(stale, creating);
    }
  }

  private void read(List<TagState> stale, boolean creating) {
    long order = sequence.incrementAndGet();
    List<String> tags = new ArrayList<>(stale.size());
    for (TagState state : stale) {
      tags.add(state.tag);
    }
    Map<String, Long> versions = creating ? store.versionsCreating(tags) : store.versions(tags);
    long now = System.nanoTime();
    for (TagState state : stale) {
      Long version = versions.get(state.tag);
      state.update(version == null ? 0 : version, order, now);
    }
    epoch = EPOCHS.incrementAndGet(); // after the states: a check that saw the old epoch is made again
  }
}
