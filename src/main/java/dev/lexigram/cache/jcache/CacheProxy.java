package dev.lexigram.cache.jcache;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramConfiguration;
import dev.lexigram.cache.ext.ExtensionCache;
import dev.lexigram.cache.jcache.event.EventDispatcher;
import dev.lexigram.cache.jcache.expiry.ExpiryCalculator;
import dev.lexigram.cache.jcache.integration.ReadThrough;
import dev.lexigram.cache.jcache.integration.WriteThrough;
import dev.lexigram.cache.jcache.management.CacheStatistics;
import dev.lexigram.cache.serial.Copier;
import dev.lexigram.cache.stampede.Stampede;
import dev.lexigram.cache.store.EntryReader;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
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
 * before the store changes and listeners after it. Many-key writes are {@link BulkWrites},
 * {@code loadAll} is {@link LoadAllTasks}, iteration {@link ProxyEntryIterator}, and what the
 * extension API needs beyond the standard {@link ProxyOperations}; they work on this cache's parts.
 */
public class CacheProxy<K, V> implements Cache<K, V> {

  private final String name;
  private final CacheManagerImpl manager;
  private final LexigramConfiguration<K, V> configuration;
  final StoreOps<K, V> ops;
  final Store store;
  /**
   * Make of a read the value a get returns: with the read-through load on a miss; without (a
   * counted get counts the miss before loading); without, recomputing hits early. Held here so that
   * a get reaches the store directly.
   */
  private final EntryReader<V> liveOrLoaded;
  final EntryReader<V> liveValues;
  private final EntryReader<V> liveHits;
  final Clock clock;
  private final ExpiryCalculator expiry;
  final EventDispatcher<K, V> dispatcher;
  final CacheStatistics statistics;
  final ReadThrough<K, V> loader;
  final ReadThrough<K, V> readThrough;
  final WriteThrough<K, V> writeThrough;
  final Executor executor;
  final TypeCheck typeCheck;
  private final EntryProcessing<K, V> processing;
  final AsyncCalls<K, V> asyncCalls;
  final Stampede<K, V> stampede;
  final EarlyRefresh<K, V> earlyRefresh; // null when off
  private final LoadAllTasks<K, V> loads;
  private final BulkWrites<K, V> bulk;
  /** True while no entry can expire: no expiry policy and no per-entry TTL written yet. */
  volatile boolean eternal;
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
    this.ops = new StoreOps<>(store, expiry, dispatcher, statistics, wiring.copier(), this::now, wiring.tags());
    this.liveValues = ops.liveValues(null);
    this.stampede = Objects.requireNonNull(wiring.stampede());
    this.earlyRefresh = EarlyRefresh.of(stampede, store, ops, typeCheck, this::now);
    StoreOps.HitHook early = (readThrough == null || earlyRefresh == null) ? null : earlyRefresh.withLoader(readThrough);
    this.liveHits = (early == null) ? liveValues : ops.liveValues(null, early);
    this.liveOrLoaded = (readThrough == null) ? liveValues : ops.liveValues(this::loadOnMiss, early);
    this.processing = new EntryProcessing<>(ops, statistics, typeCheck, readThrough, writeThrough);
    this.asyncCalls = new AsyncCalls<>(store, ops, statistics, executor);
    for (CacheEntryListenerConfiguration<K, V> listener : configuration.getCacheEntryListenerConfigurations()) {
      dispatcher.register(listener);
    }
    this.loads = new LoadAllTasks<>(this);
    this.bulk = new BulkWrites<>(this);
    this.extension = new ExtensionCache<>(new ProxyOperations<>(this), wiring.extensionErrors());
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
    V value = store.read(key, liveHits);
    if (value != null) {
      statistics.recordHits(1);
    } else {
      statistics.recordMisses(1);
      value = liveOrLoaded.absent(key); // the plain read's answer to a miss: the load, if read-through
    }
    statistics.recordGetTime(start);
    return value;
  }

  private V loadAndStore(K key, long now) {
    return readThrough.load(key, (loaded, meta) -> {
      typeCheck.value(loaded);
      ops.storeLoaded(key, loaded, now, ExpiryCalculator.UNCHANGED, meta);
      return loaded;
    });
  }

  @Override
  public Map<K, V> getAll(Set<? extends K> keys) {
    requireOpen();
    TypeCheck.requireNoNullKeys(keys);
    long start = statistics.start();
    long now = now();
    Map<K, StoreEntry> live = ops.liveAll(keys, now); // one round trip on a remote store
    Map<K, V> result = new LinkedHashMap<>((int) (live.size() / 0.75f) + 1);
    Set<K> missing = (readThrough == null) ? null : new LinkedHashSet<>();
    ops.collectHits(keys, live, now, result, missing);
    if (missing != null && !missing.isEmpty()) {
      result.putAll(readThrough.loadAll(missing, (loaded, meta) ->
          loaded.forEach((key, value) -> ops.storeLoaded(key, value, now, ExpiryCalculator.UNCHANGED, meta))));
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
    TypeCheck.requireNoNullKeys(keys);
    loads.start(keys, replaceExistingValues, listener);
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
  boolean canWriteBlind() {
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
    bulk.putAll(map);
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
    TypeCheck.requireNoNullKeys(keys);
    bulk.removeKeys(new LinkedHashSet<>(keys));
  }

  @Override
  public void removeAll() {
    requireOpen();
    bulk.removeAll();
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
    TypeCheck.requireNoNullKeys(keys);
    Objects.requireNonNull(processor, "processor");
    return EntryProcessing.invokeEach(keys, key -> invoke(key, processor, arguments));
  }

  // ---------------------------------------------------------------- iteration

  @Override
  public Iterator<Cache.Entry<K, V>> iterator() {
    requireOpen();
    return new ProxyEntryIterator<>(this);
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
    closer.run(loads::awaitAll);
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

  /** The time, or 0 when no entry can expire: eternal, on a store no other process may give a TTL. */
  long now() {
    return eternal && !store.isShared() ? 0L : clock.millis();
  }

  void requireOpen() {
    if (closed) {
      throw new IllegalStateException("Cache '" + name + "' is closed");
    }
  }

  @Override
  public String toString() {
    return "CacheProxy[" + name + "]";
  }
}
