package dev.lexigram.cache.jcache;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramConfiguration;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.TimeToLive;
import dev.lexigram.cache.ext.CacheOperations;
import dev.lexigram.cache.ext.ExtensionCache;
import dev.lexigram.cache.jcache.event.EventDispatcher;
import dev.lexigram.cache.jcache.expiry.ExpiryCalculator;
import dev.lexigram.cache.jcache.integration.ReadThrough;
import dev.lexigram.cache.jcache.integration.WriteThrough;
import dev.lexigram.cache.jcache.management.CacheStatistics;
import dev.lexigram.cache.serial.Copier;
import dev.lexigram.cache.store.EntryReader;
import dev.lexigram.cache.store.Glob;
import dev.lexigram.cache.stampede.Stampede;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.concurrent.TimeoutException;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * The JCache façade over one store: every JSR-107 rule for one cache, applied once for every
 * backend. It hands events to the {@link EventDispatcher}, counting to {@link CacheStatistics},
 * copying to a {@link Copier}, expiry arithmetic to the {@link ExpiryCalculator}, loader and
 * writer calls to {@link ReadThrough} and {@link WriteThrough}; {@link StoreOps} holds the
 * compare-and-set loops the operations are built from.
 *
 * <p>Atomicity: every conditional operation and entry processor reads the entry, decides, and
 * writes with the store's compare-and-set, retrying on a concurrent change. Writers are called
 * before the store changes and listeners after it.
 */
public class CacheProxy<K, V> implements Cache<K, V>, CacheOperations<K, V> {

  /** The extension API's result of every miss. */
  private static final Result<Optional<Object>> MISS = Result.ok(Optional.empty());

  private final String name;
  private final CacheManagerImpl manager;
  private final LexigramConfiguration<K, V> configuration;
  private final StoreOps<K, V> ops;
  private final Store store;
  /**
   * Make of a read the value a get returns, the first with the read-through load on a miss, the
   * second without (a counted get counts the miss before loading); held here so that a get
   * reaches the store directly.
   */
  private final EntryReader<V> liveOrLoaded;
  private final EntryReader<V> liveValues;
  private final Clock clock;
  private final ExpiryCalculator expiry;
  private final EventDispatcher<K, V> dispatcher;
  private final CacheStatistics statistics;
  private final ReadThrough<K, V> loader;
  private final ReadThrough<K, V> readThrough;
  private final WriteThrough<K, V> writeThrough;
  private final Executor executor;
  private final TypeCheck typeCheck;
  private final EntryProcessing<K, V> processing;
  private final AsyncCalls<K, V> asyncCalls;
  private final Stampede<K, V> stampede;
  /** loadAll tasks still running, so that close waits for them before closing the loader. */
  private final Set<CompletableFuture<Void>> loadsInFlight = ConcurrentHashMap.newKeySet();
  /** True while no entry can expire: no expiry policy and no per-entry TTL written yet. */
  private volatile boolean eternal;
  private final ExtensionCache<K, V> extension;
  private volatile boolean closed;
  /**
   * True while the cache is open with statistics off: then a get checks this one field, not
   * both, which keeps the most frequent call small enough for the JIT to inline into its caller.
   * Written under this object's lock, with the fields it stands for.
   */
  private volatile boolean plainReads;

  CacheProxy(CacheWiring<K, V> wiring) {
    this.name = Objects.requireNonNull(wiring.name());
    this.manager = Objects.requireNonNull(wiring.manager());
    this.configuration = Objects.requireNonNull(wiring.configuration());
    this.store = Objects.requireNonNull(wiring.store());
    this.clock = Objects.requireNonNull(wiring.clock());
    this.expiry = Objects.requireNonNull(wiring.expiry());
    this.statistics = Objects.requireNonNull(wiring.statistics());
    this.executor = Objects.requireNonNull(wiring.executor());
    this.loader = wiring.loader();
    this.readThrough = configuration.isReadThrough() ? loader : null;
    this.writeThrough = wiring.writeThrough();
    this.dispatcher = new EventDispatcher<>(this, executor);
    this.eternal = expiry.isEternal();
    this.typeCheck = new TypeCheck(configuration.getKeyType(), configuration.getValueType());
    this.ops = new StoreOps<>(store, expiry, dispatcher, statistics, wiring.copier(), this::now);
    this.liveValues = ops.liveValues(null);
    this.liveOrLoaded = (readThrough == null) ? liveValues : ops.liveValues(this::loadOnMiss);
    this.processing = new EntryProcessing<>(ops, statistics, typeCheck, readThrough, writeThrough);
    this.asyncCalls = new AsyncCalls<>(store, ops, statistics, executor);
    this.stampede = Objects.requireNonNull(wiring.stampede());
    for (CacheEntryListenerConfiguration<K, V> listener : configuration.getCacheEntryListenerConfigurations()) {
      dispatcher.register(listener);
    }
    this.extension = new ExtensionCache<>(this);
  }

  /** Returns the listener the store reports its own evictions to. */
  StoreEvictionListener evictionListener() {
    return ops::onEvicted;
  }

  /** Turns statistics on or off; the JCache switch is the manager's {@code enableStatistics}. */
  synchronized void setStatisticsEnabled(boolean enabled) {
    statistics.setEnabled(enabled);
    plainReads = !closed && !enabled;
  }

  /** Returns the cache's statistics, the same object its statistics MXBean shows. */
  public CacheStatistics statistics() {
    return statistics;
  }

  LexigramConfiguration<K, V> liveConfiguration() {
    return configuration;
  }

  Store store() {
    return store;
  }

  // ---------------------------------------------------------------- reads

  @Override
  public V get(K key) {
    if (plainReads) {
      typeCheck.key(key);
      return readPlain(key);
    }
    requireOpen();
    typeCheck.key(key);
    return statistics.isEnabled() ? readCounted(key) : readPlain(key);
  }

  /** {@link #get} with statistics off: straight to the store, which hands a miss to the loader. */
  private V readPlain(K key) {
    return store.read(key, liveOrLoaded);
  }

  @SuppressWarnings("unchecked")
  private V loadOnMiss(Object key) {
    return loadAndStore((K) key, now());
  }

  /** {@link #get} with statistics on: the same steps, counted and timed. */
  private V readCounted(K key) {
    long start = statistics.start();
    V value = store.read(key, liveValues);
    if (value != null) {
      statistics.recordHits(1);
    } else {
      statistics.recordMisses(1);
      value = liveOrLoaded.absent(key); // the plain read's answer to a miss: the load, if read-through
    }
    statistics.recordGetTime(start);
    return value;
  }

  @Override
  public Result<Optional<V>> getResult(K key) {
    V value = get(key);
    return (value == null) ? missResult() : Result.ok(Optional.of(value));
  }

  @SuppressWarnings("unchecked")
  private static <V> Result<Optional<V>> missResult() {
    return (Result<Optional<V>>) (Result<?>) MISS;
  }

  private V loadAndStore(K key, long now) {
    return readThrough.load(key, loaded -> {
      typeCheck.value(loaded);
      ops.storeLoaded(key, loaded, now, /* replaceExisting= */ false);
      return loaded;
    });
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    requireOpen();
    requireNoNullKeys(keys);
    long start = statistics.start();
    long now = now();
    Map<K, StoreEntry> live = ops.liveAll(keys, now); // one round trip on a remote store
    Map<K, V> result = new LinkedHashMap<>((int) (live.size() / 0.75f) + 1);
    Set<K> missing = (readThrough == null) ? null : new LinkedHashSet<>();
    ops.collectHits(keys, live, now, result, missing);
    if (missing != null && !missing.isEmpty()) {
      result.putAll(readThrough.loadAll(missing,
          loaded -> loaded.forEach((key, value) -> ops.storeLoaded(key, value, now, false))));
    }
    statistics.recordGetTime(start);
    return result;
  }

  @Override
  public boolean containsKey(K key) {
    requireOpen();
    typeCheck.key(key);
    return ops.live(key, now()) != null;
  }

  @Override
  public void loadAll(Set<? extends K> keys, boolean replaceExistingValues, CompletionListener listener) {
    requireOpen();
    requireNoNullKeys(keys);
    CompletionListener done = (listener == null) ? NoCompletionListener.INSTANCE : listener;
    if (loader == null) {
      done.onCompletion();
      return;
    }
    CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
      try {
        Set<K> toLoad = new LinkedHashSet<>();
        long now = now();
        for (K key : keys) {
          if (replaceExistingValues || ops.live(key, now) == null) {
            toLoad.add(key);
          }
        }
        if (!toLoad.isEmpty()) {
          Map<K, V> loaded = loader.loadAllUnprotected(toLoad); // JCache's loadAll loads every key it names
          long loadedAt = now();
          loaded.forEach((key, value) -> ops.storeLoaded(key, value, loadedAt, replaceExistingValues));
        }
        done.onCompletion();
      } catch (Exception e) {
        done.onException(e);
      }
    }, executor);
    loadsInFlight.add(load);
    load.whenComplete((ignored, failure) -> loadsInFlight.remove(load));
  }

  // ---------------------------------------------------------------- writes

  @Override
  public void put(K key, V value) {
    requireOpen();
    typeCheck.entry(key, value);
    long start = statistics.start();
    if (writeThrough != null) {
      writeThrough.write(new EntryImpl<>(key, value));
    }
    if (canWriteBlind()) {
      ops.putBlind(key, value);
      statistics.recordPuts(1);
    } else if (ops.put(key, value, now()) != StoreOps.NOT_STORED) {
      statistics.recordPuts(1);
    }
    statistics.recordPutTime(start);
  }

  /**
   * Returns whether a put may skip reading the current entry: nobody listens for created versus
   * updated, and every entry this process wrote is eternal (no expiry policy, no per-entry TTL).
   * On a shared remote cache, a put then also clears a TTL another process set on the key.
   */
  private boolean canWriteBlind() {
    return eternal && !dispatcher.hasListeners();
  }

  @Override
  public V getAndPut(K key, V value) {
    requireOpen();
    typeCheck.entry(key, value);
    long start = statistics.start();
    if (writeThrough != null) {
      writeThrough.write(new EntryImpl<>(key, value));
    }
    Object previous = ops.put(key, value, now());
    if (previous != StoreOps.NOT_STORED) {
      statistics.recordPuts(1);
    }
    V old = ops.previousValue(previous);
    if (old == null) {
      statistics.recordMisses(1);
    } else {
      statistics.recordHits(1);
    }
    statistics.recordGetTime(start);
    statistics.recordPutTime(start);
    return old;
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map) {
    requireOpen();
    Objects.requireNonNull(map, "map");
    Map<K, V> entries = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      typeCheck.entry(key, value);
      entries.put(key, value);
    });
    long start = statistics.start();
    CacheException failure = null;
    Set<K> failed = Set.of();
    if (writeThrough != null && !entries.isEmpty()) {
      List<Cache.Entry<K, V>> toWrite = new ArrayList<>();
      entries.forEach((key, value) -> toWrite.add(new EntryImpl<>(key, value)));
      WriteThrough.Outcome<K> outcome = writeThrough.writeAll(toWrite);
      failure = outcome.failure();
      failed = outcome.failedKeys();
    }
    if (canWriteBlind()) {
      entries.keySet().removeAll(failed);
      ops.putAllBlind(entries); // one round trip on a remote store
      statistics.recordPuts(entries.size());
      statistics.recordPutTime(start);
      if (failure != null) {
        throw failure;
      }
      return;
    }
    long now = now();
    int stored = 0;
    for (Map.Entry<K, V> entry : entries.entrySet()) {
      if (!failed.contains(entry.getKey())
          && ops.put(entry.getKey(), entry.getValue(), now) != StoreOps.NOT_STORED) {
        stored++;
      }
    }
    statistics.recordPuts(stored);
    statistics.recordPutTime(start);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public boolean putIfAbsent(K key, V value) {
    requireOpen();
    typeCheck.entry(key, value);
    long start = statistics.start();
    long now = now();
    boolean written = false;
    while (true) {
      StoreEntry current = ops.live(key, now);
      if (current != null) {
        statistics.recordHits(1);
        statistics.recordPutTime(start);
        return false;
      }
      if (writeThrough != null && !written) {
        writeThrough.write(new EntryImpl<>(key, value));
        written = true;
      }
      int outcome = ops.create(key, value, now);
      if (outcome != StoreOps.CONFLICT) {
        statistics.recordMisses(1);
        if (outcome == StoreOps.STORED) {
          statistics.recordPuts(1);
        }
        statistics.recordPutTime(start);
        return true;
      }
    }
  }

  @Override
  public boolean remove(K key) {
    requireOpen();
    typeCheck.key(key);
    long start = statistics.start();
    if (writeThrough != null) {
      writeThrough.delete(key);
    }
    boolean removed = ops.remove(key, now()) != null;
    if (removed) {
      statistics.recordRemovals(1);
    }
    statistics.recordRemoveTime(start);
    return removed;
  }

  @Override
  public boolean remove(K key, V oldValue) {
    requireOpen();
    typeCheck.entry(key, oldValue);
    long start = statistics.start();
    long now = now();
    while (true) {
      StoreEntry current = ops.live(key, now);
      if (current == null) {
        statistics.recordMisses(1);
        statistics.recordRemoveTime(start);
        return false;
      }
      V currentValue = ops.valueOf(current);
      if (!currentValue.equals(oldValue)) {
        statistics.recordHits(1);
        ops.touchOnAccess(key, current, now);
        statistics.recordRemoveTime(start);
        return false;
      }
      if (writeThrough != null) {
        writeThrough.delete(key);
      }
      if (ops.removeIfSame(key, current, currentValue)) {
        statistics.recordHits(1);
        statistics.recordRemovals(1);
        statistics.recordRemoveTime(start);
        return true;
      }
    }
  }

  @Override
  public V getAndRemove(K key) {
    requireOpen();
    typeCheck.key(key);
    long start = statistics.start();
    if (writeThrough != null) {
      writeThrough.delete(key);
    }
    V old = ops.remove(key, now());
    if (old == null) {
      statistics.recordMisses(1);
    } else {
      statistics.recordHits(1);
      statistics.recordRemovals(1);
    }
    statistics.recordGetTime(start);
    statistics.recordRemoveTime(start);
    return old;
  }

  @Override
  public boolean replace(K key, V oldValue, V newValue) {
    requireOpen();
    typeCheck.entry(key, oldValue);
    typeCheck.value(newValue);
    long start = statistics.start();
    long now = now();
    boolean written = false;
    while (true) {
      StoreEntry current = ops.live(key, now);
      if (current == null) {
        statistics.recordMisses(1);
        statistics.recordPutTime(start);
        return false;
      }
      V currentValue = ops.valueOf(current);
      if (!currentValue.equals(oldValue)) {
        statistics.recordHits(1);
        ops.touchOnAccess(key, current, now);
        statistics.recordPutTime(start);
        return false;
      }
      if (writeThrough != null && !written) {
        writeThrough.write(new EntryImpl<>(key, newValue));
        written = true;
      }
      if (ops.update(key, current, currentValue, newValue, now)) {
        statistics.recordHits(1);
        statistics.recordPuts(1);
        statistics.recordPutTime(start);
        return true;
      }
    }
  }

  @Override
  public boolean replace(K key, V value) {
    return getAndReplace(key, value, /* countGetTime= */ false) != null;
  }

  @Override
  public V getAndReplace(K key, V value) {
    return getAndReplace(key, value, /* countGetTime= */ true);
  }

  private V getAndReplace(K key, V value, boolean countGetTime) {
    requireOpen();
    typeCheck.entry(key, value);
    long start = statistics.start();
    long now = now();
    boolean written = false;
    while (true) {
      StoreEntry current = ops.live(key, now);
      if (current == null) {
        statistics.recordMisses(1);
        if (countGetTime) {
          statistics.recordGetTime(start);
        }
        return null;
      }
      V currentValue = ops.valueOf(current);
      if (writeThrough != null && !written) {
        writeThrough.write(new EntryImpl<>(key, value));
        written = true;
      }
      if (ops.update(key, current, currentValue, value, now)) {
        statistics.recordHits(1);
        statistics.recordPuts(1);
        if (countGetTime) {
          statistics.recordGetTime(start);
        }
        statistics.recordPutTime(start);
        return currentValue;
      }
    }
  }

  @Override
  public void removeAll(Set<? extends K> keys) {
    requireOpen();
    requireNoNullKeys(keys);
    removeKeys(new LinkedHashSet<>(keys));
  }

  @Override
  public void removeAll() {
    requireOpen();
    Set<K> keys = new LinkedHashSet<>();
    long now = now();
    for (Iterator<Object> it = store.keys(); it.hasNext(); ) {
      @SuppressWarnings("unchecked")
      K key = (K) it.next();
      if (ops.live(key, now) != null) {
        keys.add(key);
      }
    }
    removeKeys(keys);
  }

  private void removeKeys(Set<K> keys) {
    long start = statistics.start();
    CacheException failure = null;
    Set<K> failed = Set.of();
    if (writeThrough != null && !keys.isEmpty()) {
      WriteThrough.Outcome<K> outcome = writeThrough.deleteAll(keys);
      failure = outcome.failure();
      failed = outcome.failedKeys();
    }
    long now = now();
    int removed = 0;
    for (K key : keys) {
      if (!failed.contains(key) && ops.remove(key, now) != null) {
        removed++;
      }
    }
    statistics.recordRemovals(removed);
    statistics.recordRemoveTime(start);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void clear() {
    requireOpen();
    store.clear();
  }

  // ---------------------------------------------------------------- entry processors

  @Override
  public <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object... arguments) {
    requireOpen();
    typeCheck.key(key);
    Objects.requireNonNull(processor, "processor");
    return processing.invoke(key, processor, arguments, now());
  }

  @Override
  public <T> Map<K, EntryProcessorResult<T>> invokeAll(Set<? extends K> keys,
      EntryProcessor<K, V, T> processor, Object... arguments) {
    requireOpen();
    requireNoNullKeys(keys);
    Objects.requireNonNull(processor, "processor");
    Map<K, EntryProcessorResult<T>> results = new HashMap<>();
    for (K key : keys) {
      try {
        T result = invoke(key, processor, arguments);
        if (result != null) {
          results.put(key, () -> result);
        }
      } catch (EntryProcessorException e) {
        results.put(key, () -> {
          throw e;
        });
      } catch (RuntimeException e) {
        EntryProcessorException wrapped = new EntryProcessorException(e);
        results.put(key, () -> {
          throw wrapped;
        });
      }
    }
    return results;
  }

  // ---------------------------------------------------------------- iteration

  @Override
  public Iterator<Cache.Entry<K, V>> iterator() {
    requireOpen();
    return new EntryIterator();
  }

  private final class EntryIterator implements Iterator<Cache.Entry<K, V>> {
    private final Iterator<Object> keys = store.keys();
    private EntryImpl<K, V> next;
    private EntryImpl<K, V> last;

    @Override
    public boolean hasNext() {
      while (next == null && keys.hasNext()) {
        @SuppressWarnings("unchecked")
        K key = (K) keys.next();
        long now = now();
        StoreEntry entry = ops.live(key, now);
        if (entry != null) {
          ops.touchOnAccess(key, entry, now);
          statistics.recordHits(1);
          next = new EntryImpl<>(ops.keyOut(key), ops.valueOf(entry));
        }
      }
      return next != null;
    }

    @Override
    public Cache.Entry<K, V> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      last = next;
      next = null;
      return last;
    }

    @Override
    public void remove() {
      if (last == null) {
        throw new IllegalStateException("next() was not called, or remove() was called already");
      }
      requireOpen();
      K key = last.getKey();
      last = null;
      long start = statistics.start();
      if (writeThrough != null) {
        writeThrough.delete(key);
      }
      if (ops.remove(key, now()) != null) {
        statistics.recordRemovals(1);
      }
      statistics.recordRemoveTime(start);
    }
  }

  // ---------------------------------------------------------------- extension operations

  @Override
  public Cache<K, V> cache() {
    return this;
  }

  @Override
  public Executor executor() {
    return executor;
  }

  @Override
  public CompletionStage<V> getAsync(K key) {
    requireOpen();
    typeCheck.key(key);
    // a loader is a blocking user callback: a read-through cache runs the whole call on the executor
    return (readThrough == null) ? asyncCalls.get(key, now()) : CompletableFuture.supplyAsync(() -> get(key), executor);
  }

  @Override
  public CompletionStage<Map<K, V>> getAllAsync(Set<? extends K> keys) {
    requireOpen();
    requireNoNullKeys(keys);
    return (readThrough == null) ? asyncCalls.getAll(keys, now()) : CompletableFuture.supplyAsync(() -> getAll(keys), executor);
  }

  @Override
  public CompletionStage<Boolean> containsKeyAsync(K key) {
    requireOpen();
    typeCheck.key(key);
    return asyncCalls.containsKey(key, now());
  }

  @Override
  public CompletionStage<Void> putAsync(K key, V value) {
    requireOpen();
    typeCheck.entry(key, value);
    return (writeThrough == null && canWriteBlind())
        ? asyncCalls.putBlind(key, value) : CompletableFuture.runAsync(() -> put(key, value), executor);
  }

  @Override
  public CompletionStage<Boolean> removeAsync(K key) {
    requireOpen();
    typeCheck.key(key);
    // a writer and a synchronous listener are blocking user callbacks: with either, the standard call runs on the executor
    return (writeThrough == null && !dispatcher.hasListeners())
        ? asyncCalls.remove(key, now()) : CompletableFuture.supplyAsync(() -> remove(key), executor);
  }

  @Override
  public void put(K key, V value, long ttlMillis) {
    requireOpen();
    typeCheck.entry(key, value);
    eternal = false;
    long start = statistics.start();
    if (writeThrough != null) {
      writeThrough.write(new EntryImpl<>(key, value));
    }
    long now = clock.millis();
    ops.put(key, value, now, instantAfter(now, ttlMillis));
    statistics.recordPuts(1);
    statistics.recordPutTime(start);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> map, long ttlMillis) {
    requireOpen();
    Objects.requireNonNull(map, "map");
    map.forEach(typeCheck::entry);
    eternal = false;
    for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
      put(entry.getKey(), entry.getValue(), ttlMillis);
    }
  }

  private static long instantAfter(long now, long ttlMillis) {
    long at = now + ttlMillis;
    return (at < now || at == StoreEntry.ETERNAL) ? StoreEntry.ETERNAL - 1 : at;
  }

  @Override
  public TimeToLive timeToLive(K key) {
    requireOpen();
    typeCheck.key(key);
    long now = clock.millis();
    StoreEntry entry = ops.live(key, now);
    if (entry == null) {
      return TimeToLive.missing();
    }
    return entry.expiresAt() == StoreEntry.ETERNAL
        ? TimeToLive.persistent() : TimeToLive.of(java.time.Duration.ofMillis(entry.expiresAt() - now));
  }

  @Override
  public V getOrCompute(K key, Function<? super K, ? extends V> compute, long ttlMillis) {
    requireOpen();
    typeCheck.key(key);
    Objects.requireNonNull(compute, "compute");
    V present = store.read(key, liveValues); // never the loader: compute stands in for it
    if (statistics.isEnabled()) {
      if (present != null) {
        statistics.recordHits(1);
      } else {
        statistics.recordMisses(1);
      }
    }
    return present != null ? present : stampede.load(key, k -> {
      V computed = Objects.requireNonNull(compute.apply(k), () -> "getOrCompute: compute returned null for key " + k);
      if (ttlMillis < 0) {
        put(k, computed);
      } else {
        put(k, computed, ttlMillis);
      }
      return computed;
    });
  }

  @Override
  public boolean expire(K key, long ttlMillis) {
    requireOpen();
    typeCheck.key(key);
    long now = clock.millis();
    if (ttlMillis >= 0) {
      eternal = false;
    }
    return ops.setExpiry(key, now, ttlMillis < 0 ? StoreEntry.ETERNAL : instantAfter(now, ttlMillis));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Iterator<K> keysMatching(Glob glob) {
    requireOpen();
    return (Iterator<K>) (Iterator<?>) store.keys(glob);
  }

  // ---------------------------------------------------------------- listeners, config, lifecycle

  @Override
  public void registerCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    requireOpen();
    Objects.requireNonNull(listenerConfiguration, "listenerConfiguration");
    dispatcher.register(listenerConfiguration);
    configuration.addCacheEntryListenerConfiguration(listenerConfiguration);
  }

  @Override
  public void deregisterCacheEntryListener(CacheEntryListenerConfiguration<K, V> listenerConfiguration) {
    requireOpen();
    Objects.requireNonNull(listenerConfiguration, "listenerConfiguration");
    if (dispatcher.deregister(listenerConfiguration)) {
      configuration.removeCacheEntryListenerConfiguration(listenerConfiguration);
    }
  }

  @Override
  public <C extends Configuration<K, V>> C getConfiguration(Class<C> clazz) {
    LexigramConfiguration<K, V> copy = new LexigramConfiguration<>(configuration);
    if (clazz.isInstance(copy)) {
      return clazz.cast(copy);
    }
    throw new IllegalArgumentException("The configuration of cache '" + name + "' is not a " + clazz.getName());
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public CacheManager getCacheManager() {
    return manager;
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz == LexigramCache.class) {
      return clazz.cast(extension);
    }
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("Cache '" + name + "' cannot be unwrapped to " + clazz.getName());
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    manager.release(this);
    shutdown();
  }

  /** Closes the cache's resources without telling the manager; a second call does nothing. */
  void shutdown() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      plainReads = false;
    }
    Closer closer = new Closer("cache '" + name + "'");
    closer.run(this::awaitLoads);
    closer.run(dispatcher::close);
    closer.close(expiry.policy());
    if (loader != null) {
      closer.close(loader.loader());
    }
    if (writeThrough != null) {
      closer.close(writeThrough.writer());
    }
    closer.run(store::close);
    closer.finish();
  }

  /** Returns the current time, or 0 when no entry of this cache can ever expire (saves a clock read). */
  private long now() {
    return eternal ? 0L : clock.millis();
  }

  /** Waits, with a time limit, for loadAll tasks still using the loader. */
  private void awaitLoads() {
    try {
      CompletableFuture.allOf(loadsInFlight.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // a failed load already told its completion listener; a slow one is abandoned after the limit
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("Cache '" + name + "' is closed");
    }
  }

  private static void requireNoNullKeys(Set<?> keys) {
    Objects.requireNonNull(keys, "keys");
    for (Object key : keys) {
      Objects.requireNonNull(key, "a key in the set is null");
    }
  }

  @Override
  public String toString() {
    return "CacheProxy[" + name + "]";
  }
}
