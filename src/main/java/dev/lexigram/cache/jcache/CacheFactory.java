package dev.lexigram.cache.jcache;

import dev.lexigram.cache.LexigramConfiguration;
import dev.lexigram.cache.breaker.BreakingStore;
import dev.lexigram.cache.breaker.BreakingTags;
import dev.lexigram.cache.breaker.CircuitBreaker;
import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.CircuitBreakerSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.config.CacheSettings;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.config.NearCacheSettings;
import dev.lexigram.cache.config.ProtectionSettings;
import dev.lexigram.cache.jcache.expiry.ExpiryCalculator;
import dev.lexigram.cache.jcache.integration.ReadThrough;
import dev.lexigram.cache.jcache.integration.WriteThrough;
import dev.lexigram.cache.jcache.management.CacheConfigurationBean;
import dev.lexigram.cache.jcache.management.CacheStatistics;
import dev.lexigram.cache.jcache.management.JmxRegistration;
import dev.lexigram.cache.jcache.management.JmxRegistration.MBeanType;
import dev.lexigram.cache.ext.ErrorCounts;
import dev.lexigram.cache.lock.BackendLocks;
import dev.lexigram.cache.metrics.Instruments;
import dev.lexigram.cache.near.NearCounters;
import dev.lexigram.cache.serial.Copier;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.stampede.EarlyRecompute;
import dev.lexigram.cache.stampede.LeasedLoads;
import dev.lexigram.cache.stampede.SingleFlight;
import dev.lexigram.cache.stampede.Stampede;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.TagStore;
import dev.lexigram.cache.tag.CacheTags;
import dev.lexigram.cache.tag.TagVersions;
import dev.lexigram.cache.tag.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheException;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;

/**
 * Builds every collaborator of a cache in one place (STYLE habit 1): it resolves which backend a
 * cache lives on and which declared settings apply, creates the store, the expiry calculator,
 * the copier, the loader and writer adapters and the statistics, and registers the MXBeans.
 */
final class CacheFactory {

  private final LexigramSettings settings;
  private final Serializer inProcess;
  private final Clock clock;
  private final Executor executor;
  private final BackendRegistry backends;
  private final ManagerLocks locks;
  private final Map<String, TagVersions> tagVersions = new ConcurrentHashMap<>();
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final Measures measures = new Measures(new Instruments());
  private final Set<String> measuredLocks = ConcurrentHashMap.newKeySet();

  /**
   * @param remote the serializer of remote backends, whose bytes come back from a shared server
   * @param inProcess the serializer of store-by-value copies, which never leave the process
   */
  CacheFactory(LexigramSettings settings, Serializer remote, Serializer inProcess, Clock clock, Executor executor) {
    this.settings = settings;
    this.backends = new BackendRegistry(remote, settings);
    this.locks = new ManagerLocks(settings.source());
    this.inProcess = inProcess;
    this.clock = clock;
    this.executor = executor;
  }

  /**
   * Returns the locks of the named backend, opening it if no cache has yet.
   *
   * @throws IllegalArgumentException if no backend has that name
   * @throws CacheException if the backend cannot be opened
   */
  BackendLocks locks(String backendName) {
    BackendSettings backend = settings.backend(backendName).orElseThrow(() -> new IllegalArgumentException(
        "No backend named '" + backendName + "' in " + settings.source() + "; declared backends: " + backendNames()));
    BackendLocks opened = locks.of(backend.name(), () -> backends.backend(backend).locks(backend.keyPrefix()));
    if (measuredLocks.add(backend.name())) {
      measures.locks(backend.name(), opened.counters());
    }
    return opened;
  }

  /** What this manager measures; see {@link Measures}. */
  Instruments instruments() {
    return measures.instruments();
  }

  Measures measures() {
    return measures;
  }

  /**
   * Returns the tag versions of the named backend, opening it if no cache has yet.
   *
   * @throws IllegalArgumentException if no backend has that name
   * @throws CacheException if the backend cannot be opened
   */
  TagVersions tagVersions(String backendName) {
    BackendSettings backend = settings.backend(backendName).orElseThrow(() -> new IllegalArgumentException(
        "No backend named '" + backendName + "' in " + settings.source() + "; declared backends: " + backendNames()));
    return tagVersions(backend, backends.backend(backend));
  }

  /**
   * Returns the backend's tag versions, one per backend in this manager: kept for as long as the
   * manager lives on a backend no other process shares, for {@code tag_staleness} on a remote one.
   */
  private TagVersions tagVersions(BackendSettings backend, StoreBackend storeBackend) {
    return tagVersions.computeIfAbsent(backend.name(), name -> {
      TagStore tags = storeBackend.tags(backend.keyPrefix());
      CircuitBreaker breaker = breaker(backend, storeBackend);
      if (breaker != null) {
        tags = new BreakingTags(tags, breaker);
      }
      TagVersions versions = new TagVersions(storeBackend.storesMayFail() ? new TranslatingTags(tags, name) : tags,
          backend.type() == BackendType.MEMORY ? null : settings.service().tagStaleness());
      measures.tags(name, versions);
      return versions;
    });
  }

  /** Returns the store behind its backend's circuit breaker when {@code service.circuit_breaker} is on. */
  private Store guarded(Store store, BackendSettings backend, StoreBackend storeBackend) {
    CircuitBreaker breaker = breaker(backend, storeBackend);
    return breaker == null ? store : new BreakingStore(store, breaker);
  }

  /** Returns the backend's circuit breaker, one per backend, or null when {@code service.circuit_breaker} is off. */
  private CircuitBreaker breaker(BackendSettings backend, StoreBackend storeBackend) {
    CircuitBreakerSettings settings = this.settings.service().circuitBreaker();
    if (!settings.enabled() || !storeBackend.storesMayFail()) {
      return null;
    }
    return breakers.computeIfAbsent(backend.name(), name -> {
      CircuitBreaker created = new CircuitBreaker(name, settings);
      storeBackend.onReconnect(created::probeNow);
      measures.breaker(name, created);
      return created;
    });
  }

  /** Closes every backend opened so far, after stopping lock renewals. */
  void closeBackends() {
    locks.close();
    backends.close();
  }

  Executor executor() {
    return executor;
  }

  Clock clock() {
    return clock;
  }

  LexigramSettings settings() {
    return settings;
  }

  /** Returns whether the configuration declares a cache of this name. */
  boolean isDeclared(String name) {
    return settings.caches().containsKey(name) || settings.backend(name).isPresent();
  }

  Set<String> declaredCacheNames() {
    Set<String> names = new LinkedHashSet<>(backendNames());
    names.addAll(settings.caches().keySet());
    return Collections.unmodifiableSet(names);
  }

  <K, V> CacheProxy<K, V> create(CacheManagerImpl manager, String name, CompleteConfiguration<K, V> requested) {
    LexigramConfiguration<K, V> configuration = new LexigramConfiguration<>(requested);
    CacheSettings declared = settings.caches().get(name);
    Placement placement = resolveBackend(name, configuration, declared);
    BackendSettings backend = placement.backend();
    applyDeclared(configuration, declared, requested);
    if (configuration.getBackend() == null) {
      configuration.setBackend(backend.name());
    }
    Duration defaultTtl = (declared != null && declared.defaultTtl() != null) ? declared.defaultTtl() : backend.defaultTtl();
    Long maxSize = (declared != null && declared.maxSize() != null) ? declared.maxSize() : backend.maxSize();

    ExpiryCalculator expiry = new ExpiryCalculator(expiryPolicy(configuration, defaultTtl));
    EvictionRelay relay = new EvictionRelay();
    StoreBackend storeBackend = openBackend(name, placement);
    NearCacheSettings near = nearCache(declared, backend);
    NearCounters nearCounters = near == null ? null : new NearCounters();
    Store opened = openStore(storeBackend, new StoreContext(name, clock, relay, !expiry.isEternal(), maxSize, near,
        nearCounters), backend);
    Store store = storeBackend.storesMayFail()
        ? new TranslatingStore(guarded(opened, backend, storeBackend), name, backend.name()) : opened;
    // a remote backend copies by nature; the configuration keeps the flag the caller asked for
    boolean byValue = configuration.isStoreByValue() || !storeBackend.supportsStoreByReference();
    Copier valueCopier = byValue ? new StoreByValueCopier(name, Copier.serializing(inProcess)) : Copier.identity();
    Copier copier = storeBackend.copiesValues() ? Copier.identity() : valueCopier;
    CacheStatistics statistics = new CacheStatistics();
    CacheTags tags = new CacheTags(tagVersions(backend, storeBackend),
        Tags.of(declared == null ? List.of() : declared.tags()));
    Stampede<K, V> stampede = stampede(valueCopier, store, tags);
    CacheWiring<K, V> wiring = new CacheWiring<>(name, manager, configuration, store, clock,
        expiry, statistics,
        copier,
        loader(configuration, stampede, tags), writer(configuration), executor, stampede, tags, new ErrorCounts());
    measures.cache(name, backend.name(), stampede, wiring.extensionErrors(), nearCounters);
    CacheProxy<K, V> cache = new CacheProxy<>(wiring);
    cache.setStatisticsEnabled(configuration.isStatisticsEnabled());
    relay.forwardTo(cache.evictionListener());
    if (configuration.isManagementEnabled()) {
      registerConfigurationBean(manager, cache);
    }
    if (configuration.isStatisticsEnabled()) {
      JmxRegistration.register(manager.getURI().toString(), name, MBeanType.CacheStatistics, statistics);
    }
    if (nearCounters != null) {
      JmxRegistration.register(manager.getURI().toString(), name, MBeanType.NearCache, nearCounters);
    }
    return cache;
  }

  /** The cache's own near_cache when it declares one (enabled: false turns the backend's off), else its backend's. */
  private static NearCacheSettings nearCache(CacheSettings declared, BackendSettings backend) {
    if (declared != null && declared.nearCache() != null) {
      return declared.nearCache().enabled() ? declared.nearCache() : null;
    }
    return backend.nearCache();
  }

  /**
   * Which backend a cache lives on, and the configuration key that decided it, so that a failure
   * to create the cache can say which key to change.
   */
  private record Placement(BackendSettings backend, String decidedBy) {}

  private Placement resolveBackend(String name, LexigramConfiguration<?, ?> configuration, CacheSettings declared) {
    String backendName = configuration.getBackend();
    String decidedBy = "its LexigramConfiguration.setBackend(\"" + backendName + "\")";
    if (backendName == null && declared != null && declared.backend() != null) {
      backendName = declared.backend();
      decidedBy = "cache.caches." + name + ".backend";
    }
    if (backendName == null && settings.backend(name).isPresent()) {
      backendName = name;
      decidedBy = "the backend of the same name";
    }
    if (backendName == null) {
      return new Placement(settings.defaultBackend(), declared == null
          ? "it is not declared under cache.caches, so it lives on the default backend"
          : "cache.caches." + name + " names no backend, so it lives on the default backend");
    }
    String wanted = backendName;
    BackendSettings backend = settings.backend(wanted).orElseThrow(() -> new CacheException("Cache '" + name
        + "' names backend '" + wanted + "', which " + settings.source() + " does not declare. Fix: add a backend named '"
        + wanted + "' under cache.backends, or name one of " + declaredCacheNames()));
    return new Placement(backend, decidedBy);
  }

  /**
   * Opens the cache's backend; a backend that cannot be opened (server down, wrong credentials,
   * missing client jar) fails the cache with a message naming the keys to fix: the backend's own
   * entry, or {@code cache.caches.<name>.backend} to place the cache elsewhere.
   */
  private StoreBackend openBackend(String name, Placement placement) {
    BackendSettings backend = placement.backend();
    try {
      return backends.backend(backend);
    } catch (CacheException e) {
      throw new CacheException("Cannot create cache '" + name + "': it is placed on backend '" + backend.name()
          + "' (" + placement.decidedBy() + "), which cannot be opened. " + e.getMessage()
          + (e.getMessage().endsWith(".") ? "" : ".") + " To create the cache, fix " + backendKey(backend) + " in "
          + settings.source() + ", or place the cache on another backend with cache.caches." + name
          + ".backend (declared backends: " + backendNames() + ")", e);
    }
  }

  private String backendKey(BackendSettings backend) {
    return "cache.backends[" + settings.backends().indexOf(backend) + "] (name: " + backend.name() + ")";
  }

  /** The declared backends' names, in declaration order. */
  Set<String> backendNames() {
    Set<String> names = new LinkedHashSet<>();
    settings.backends().forEach(backend -> names.add(backend.name()));
    return Collections.unmodifiableSet(names);
  }

  /** Declared per-cache switches apply unless the caller's configuration turned them on itself. */
  private static void applyDeclared(LexigramConfiguration<?, ?> configuration, CacheSettings declared,
      CompleteConfiguration<?, ?> requested) {
    if (declared == null) {
      return;
    }
    if (declared.statistics() && !requested.isStatisticsEnabled()) {
      configuration.setStatisticsEnabled(true);
    }
    if (declared.management() && !requested.isManagementEnabled()) {
      configuration.setManagementEnabled(true);
    }
    if (declared.storeByValue() != null && requested.isStoreByValue()) {
      configuration.setStoreByValue(declared.storeByValue());
    }
  }

  private static Store openStore(StoreBackend backend, StoreContext context, BackendSettings settings) {
    try {
      return backend.open(context);
    } catch (StoreException e) {
      throw new CacheException("Cannot open cache '" + context.cacheName() + "' on backend '" + settings.name()
          + "' (" + e.kind() + "): " + e.getMessage(), e);
    }
  }

  private static ExpiryPolicy expiryPolicy(CompleteConfiguration<?, ?> configuration, Duration defaultTtl) {
    Factory<ExpiryPolicy> factory = configuration.getExpiryPolicyFactory();
    ExpiryPolicy policy = (factory == null) ? new EternalExpiryPolicy() : factory.create();
    if (policy instanceof EternalExpiryPolicy && defaultTtl != null) {
      return new CreatedExpiryPolicy(new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, defaultTtl.toMillis()));
    }
    return policy;
  }

  /**
   * Returns the cache's read-through, or null. With stampede protection on, concurrent loads of a
   * key share one flight, and each waiter gets its own copy of the value when the cache stores by
   * value (a remote store copies what it reads, but a shared load hands out one object).
   */
  private static <K, V> ReadThrough<K, V> loader(CompleteConfiguration<K, V> configuration, Stampede<K, V> stampede,
      CacheTags tags) {
    Factory<CacheLoader<K, V>> factory = configuration.getCacheLoaderFactory();
    return (factory == null) ? null : new ReadThrough<>(factory.create()).protectedBy(stampede).capturing(tags::capture);
  }

  /**
   * Returns the cache's stampede protection: unprotected when {@code enable_protection} is off;
   * else one flight per key in this process, where each waiter gets its own copy of the value when
   * the cache stores by value (a remote store copies what it reads, but a shared load hands out
   * one object), and on a shared store the key's lease across processes.
   */
  private <K, V> Stampede<K, V> stampede(Copier valueCopier, Store store, CacheTags tags) {
    if (!settings.service().enableProtection()) {
      return Stampede.unprotected();
    }
    ProtectionSettings protection = settings.service().protection();
    return new Stampede<>(new SingleFlight<>(protection, valueCopier::copy),
        store.isShared() ? new LeasedLoads(store, clock, protection, tags::isStale) : null,
        EarlyRecompute.of(protection, executor));
  }

  @SuppressWarnings("unchecked")
  private static <K, V> WriteThrough<K, V> writer(CompleteConfiguration<K, V> configuration) {
    Factory<CacheWriter<? super K, ? super V>> factory = configuration.getCacheWriterFactory();
    if (factory == null || !configuration.isWriteThrough()) {
      return null;
    }
    return new WriteThrough<>(factory.create());
  }

  void enableManagement(CacheManagerImpl manager, CacheProxy<?, ?> cache, boolean enabled) {
    cache.liveConfiguration().setManagementEnabled(enabled);
    if (enabled) {
      registerConfigurationBean(manager, cache);
    } else {
      JmxRegistration.unregister(manager.getURI().toString(), cache.getName(), MBeanType.CacheConfiguration);
    }
  }

  void enableStatistics(CacheManagerImpl manager, CacheProxy<?, ?> cache, boolean enabled) {
    cache.liveConfiguration().setStatisticsEnabled(enabled);
    cache.setStatisticsEnabled(enabled);
    if (enabled) {
      JmxRegistration.register(manager.getURI().toString(), cache.getName(), MBeanType.CacheStatistics, cache.statistics());
    } else {
      JmxRegistration.unregister(manager.getURI().toString(), cache.getName(), MBeanType.CacheStatistics);
    }
  }

  private static void registerConfigurationBean(CacheManagerImpl manager, CacheProxy<?, ?> cache) {
    JmxRegistration.register(manager.getURI().toString(), cache.getName(), MBeanType.CacheConfiguration,
        new CacheConfigurationBean(cache.liveConfiguration()));
  }
}
