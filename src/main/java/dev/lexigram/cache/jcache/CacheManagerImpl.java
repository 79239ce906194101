package dev.lexigram.cache.jcache;

import dev.lexigram.cache.CacheBackend;
import dev.lexigram.cache.DistributedLock;
import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.LexigramConfiguration;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.SemanticCache;
import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.ext.BackendView;
import dev.lexigram.cache.ext.Outcomes;
import dev.lexigram.cache.jcache.management.JmxRegistration;
import dev.lexigram.cache.jcache.management.JmxRegistration.MBeanType;
import dev.lexigram.cache.admin.AdminServer;
import dev.lexigram.cache.admin.CacheStatus;
import dev.lexigram.cache.admin.StatusSource;
import dev.lexigram.cache.semantic.SemanticCaches;
import dev.lexigram.cache.semantic.embed.EmbeddingException;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.serial.WrittenTypes;
import dev.lexigram.cache.tag.Tags;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;

/**
 * The {@link javax.cache.CacheManager} of one (URI, class loader) pair. Caches the configuration
 * declares (every backend and every {@code caches:} entry) are opened on first use; caches
 * created at run time live on the default backend unless mapped. Thread-safe: the cache map is
 * concurrent and opening a cache happens once per name.
 */
public final class CacheManagerImpl implements LexigramCacheManager {

  private final CachingProvider provider;
  private final URI uri;
  private final ClassLoader classLoader;
  private final Properties properties;
  private final CacheFactory factory;
  private final ConcurrentMap<String, CacheProxy<?, ?>> caches = new ConcurrentHashMap<>();
  private final Runnable onClose;
  private final SemanticCaches semantic;
  private final Set<String> measuredSemantic = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private final AdminServer admin; // null when cache.service.admin is off

  CacheManagerImpl(CachingProvider provider, URI uri, ClassLoader classLoader, Properties properties,
      CacheFactory factory, Runnable onClose) {
    this.provider = Objects.requireNonNull(provider);
    this.uri = Objects.requireNonNull(uri);
    this.classLoader = Objects.requireNonNull(classLoader);
    this.properties = Objects.requireNonNull(properties);
    this.factory = Objects.requireNonNull(factory);
    this.onClose = Objects.requireNonNull(onClose);
    this.semantic = new SemanticCaches(factory.settings().semantic(), factory.settings().defaultBackend().name(),
        new SemanticHost(), factory.clock());
    this.admin = factory.settings().service().admin().enabled()
        ? AdminServer.start(factory.settings().service().admin(), new Status()) : null;
  }

  /** What the status page reads. */
  private final class Status implements StatusSource {
    @Override
    public LexigramCacheManager manager() {
      return CacheManagerImpl.this;
    }

    @Override
    public List<CacheStatus> caches() {
      List<CacheStatus> open = new ArrayList<>();
      for (CacheProxy<?, ?> cache : caches.values()) {
        var statistics = cache.statistics();
        open.add(new CacheStatus(cache.getName(), cache.liveConfiguration().getBackend(), statistics.isEnabled(),
            statistics.getCacheHits(), statistics.getCacheMisses(), statistics.getCacheEvictions()));
      }
      return open;
    }
  }

  @Override
  public Optional<URI> adminPage() {
    return admin == null ? Optional.empty() : Optional.of(admin.address());
  }

  /**
   * Opens a manager on the given settings.
   *
   * @param writtenTypes the classes this process has written, shared by the provider's managers:
   *     what a remote backend reads back without {@code allowed_types}
   * @param clock the time every cache of this manager reads; tests pass a clock they control
   * @param onClose run once when the manager closes, so the provider forgets it
   * @throws CacheException if a part of the configuration cannot be opened
   */
  public static CacheManagerImpl open(CachingProvider provider, URI uri, ClassLoader classLoader,
      Properties properties, LexigramSettings settings, WrittenTypes writtenTypes, Clock clock, Runnable onClose) {
    Serializer remote = SerializerSetup.remote(settings.service(), classLoader, writtenTypes);
    Serializer inProcess = SerializerSetup.inProcess(settings.service(), classLoader);
    CacheFactory factory = new CacheFactory(settings, remote, inProcess, clock, ForkJoinPool.commonPool());
    return new CacheManagerImpl(provider, uri, classLoader, properties, factory, onClose);
  }

  @Override
  public CachingProvider getCachingProvider() {
    return provider;
  }

  @Override
  public URI getURI() {
    return uri;
  }

  @Override
  public ClassLoader getClassLoader() {
    return classLoader;
  }

  @Override
  public Properties getProperties() {
    return properties;
  }

  LexigramSettings settings() {
    return factory.settings();
  }

  @Override
  public String configurationSource() {
    return factory.settings().source();
  }

  @Override
  public Set<String> declaredCacheNames() {
    return factory.declaredCacheNames();
  }

  @Override
  public Set<String> backendNames() {
    return factory.backendNames();
  }

  @Override
  public Map<String, Result<Duration>> health() {
    Map<String, Result<Duration>> probes = new LinkedHashMap<>();
    for (String name : backendNames()) {
      probes.put(name, Outcomes.capture(() -> backend(name)).flatMap(CacheBackend::health));
    }
    return probes;
  }

  @Override
  public CacheBackend backend(String name) {
    requireOpen();
    Objects.requireNonNull(name, "name");
    if (factory.settings().backend(name).isEmpty()) {
      throw new IllegalArgumentException("No backend named '" + name + "' in " + configurationSource()
          + "; declared backends: " + factory.backendNames());
    }
    Cache<String, Object> cache = getCache(name);
    @SuppressWarnings("unchecked")
    LexigramCache<String, Object> extension = cache.unwrap(LexigramCache.class);
    return new BackendView(extension, cache::close, factory.executor(), lockName -> factory.locks(name).lock(lockName),
        factory.tagVersions(name));
  }

  @Override
  public Result<Void> invalidateTags(String... tags) {
    return Outcomes.capture(() -> {
      requireOpen();
      String[] checked = Tags.of(Arrays.asList(tags));
      for (BackendSettings backend : factory.settings().backends()) {
        factory.tagVersions(backend.name()).invalidate(checked);
      }
      return null;
    });
  }

  @Override
  public CompletionStage<Result<Void>> invalidateTagsAsync(String... tags) {
    return CompletableFuture.supplyAsync(() -> invalidateTags(tags), factory.executor());
  }

  @Override
  public dev.lexigram.cache.metrics.Instruments instruments() {
    return factory.instruments();
  }

  @Override
  public SemanticCache semanticCache(String name) {
    requireOpen();
    Objects.requireNonNull(name, "name");
    try {
      SemanticCache cache = semantic.get(name);
      if (measuredSemantic.add(name)) {
        factory.measures().semantic(name, semantic.backendOf(name), cache);
      }
      return cache;
    } catch (EmbeddingException e) {
      throw new CacheException("Cannot open semantic cache '" + name + "': " + e.getMessage(), e);
    }
  }

  /** What the semantic caches need of this manager: their record caches, tags and executor. */
  private final class SemanticHost implements SemanticCaches.Host {
    @Override
    @SuppressWarnings("unchecked")
    public LexigramCache<String, Object> store(String cacheName, String backend) {
      requireOpen();
      CacheProxy<?, ?> cache = caches.computeIfAbsent(cacheName, name -> factory.create(CacheManagerImpl.this, name,
          new LexigramConfiguration<String, Object>().setBackend(backend)));
      return cache.unwrap(LexigramCache.class);
    }

    @Override
    public boolean shared(String backend) {
      return factory.settings().backend(backend).orElseThrow().type() != BackendType.MEMORY;
    }

    @Override
    public Result<Void> invalidateTags(String backend, String... tags) {
      return Outcomes.capture(() -> {
        factory.tagVersions(backend).invalidate(Tags.of(Arrays.asList(tags)));
        return null;
      });
    }

    @Override
    public Executor executor() {
      return factory.executor();
    }

    @Override
    public ClassLoader classLoader() {
      return classLoader;
    }
  }

  @Override
  public DistributedLock lock(String name) {
    requireOpen();
    return factory.locks(factory.settings().defaultBackend().name()).lock(name);
  }

  @Override
  public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String cacheName, C configuration) {
    requireOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(configuration, "configuration");
    CacheProxy<?, ?>[] created = {null};
    caches.computeIfAbsent(cacheName, name -> {
      created[0] = factory.create(this, name, complete(configuration));
      return created[0];
    });
    if (created[0] == null) {
      throw new CacheException("Cache '" + cacheName + "' exists already in cache manager " + uri
          + "; use getCache(\"" + cacheName + "\") to use it, or destroyCache first to recreate it");
    }
    @SuppressWarnings("unchecked")
    Cache<K, V> cache = (Cache<K, V>) created[0];
    return cache;
  }

  private static <K, V> CompleteConfiguration<K, V> complete(Configuration<K, V> configuration) {
    if (configuration instanceof CompleteConfiguration<K, V> complete) {
      return complete;
    }
    MutableConfiguration<K, V> mutable = new MutableConfiguration<>();
    mutable.setTypes(configuration.getKeyType(), configuration.getValueType());
    mutable.setStoreByValue(configuration.isStoreByValue());
    return mutable;
  }

  @Override
  public <K, V> Cache<K, V> getCache(String cacheName, Class<K> keyType, Class<V> valueType) {
    requireOpen();
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
    Cache<K, V> cache = getCache(cacheName);
    if (cache == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    CompleteConfiguration<K, V> configuration = cache.getConfiguration(CompleteConfiguration.class);
    if (configuration.getKeyType() != keyType) {
      throw new ClassCastException("Cache '" + cacheName + "' has keys of type "
          + configuration.getKeyType().getName() + ", not " + keyType.getName());
    }
    if (configuration.getValueType() != valueType) {
      throw new ClassCastException("Cache '" + cacheName + "' has values of type "
          + configuration.getValueType().getName() + ", not " + valueType.getName());
    }
    return cache;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Cache<K, V> getCache(String cacheName) {
    requireOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    CacheProxy<?, ?> cache = caches.get(cacheName);
    if (cache == null && factory.isDeclared(cacheName)) {
      cache = caches.computeIfAbsent(cacheName,
          name -> factory.create(this, name, new MutableConfiguration<>()));
    }
    return (Cache<K, V>) cache;
  }

  @Override
  public Iterable<String> getCacheNames() {
    requireOpen();
    return Collections.unmodifiableSet(new LinkedHashSet<>(caches.keySet()));
  }

  @Override
  public void destroyCache(String cacheName) {
    requireOpen();
    Objects.requireNonNull(cacheName, "cacheName");
    CacheProxy<?, ?> cache = caches.remove(cacheName);
    if (cache != null) {
      cache.store().clear();
      closeCache(cache);
    }
  }

  @Override
  public void enableManagement(String cacheName, boolean enabled) {
    requireOpen();
    CacheProxy<?, ?> cache = caches.get(Objects.requireNonNull(cacheName, "cacheName"));
    if (cache != null) {
      factory.enableManagement(this, cache, enabled);
    }
  }

  @Override
  public void enableStatistics(String cacheName, boolean enabled) {
    requireOpen();
    CacheProxy<?, ?> cache = caches.get(Objects.requireNonNull(cacheName, "cacheName"));
    if (cache != null) {
      factory.enableStatistics(this, cache, enabled);
    }
  }

  /** Forgets a cache that was closed by its own {@code close()}. */
  void release(CacheProxy<?, ?> cache) {
    caches.remove(cache.getName(), cache);
    unregisterMBeans(cache);
  }

  private void closeCache(CacheProxy<?, ?> cache) {
    unregisterMBeans(cache);
    cache.shutdown();
  }

  private void unregisterMBeans(CacheProxy<?, ?> cache) {
    JmxRegistration.unregister(uri.toString(), cache.getName(), MBeanType.CacheConfiguration);
    JmxRegistration.unregister(uri.toString(), cache.getName(), MBeanType.CacheStatistics);
    JmxRegistration.unregister(uri.toString(), cache.getName(), MBeanType.NearCache);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    onClose.run();
    Closer closer = new Closer("cache manager " + uri);
    for (CacheProxy<?, ?> cache : caches.values()) {
      closer.run(() -> closeCache(cache));
    }
    caches.clear();
    if (admin != null) {
      closer.run(admin::close);
    }
    closer.run(factory::closeBackends);
    closer.finish();
  }

  @Override
  public <T> T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    throw new IllegalArgumentException("The cache manager cannot be unwrapped to " + clazz.getName());
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("Cache manager " + uri + " is closed");
    }
  }

  @Override
  public String toString() {
    return "CacheManagerImpl[" + uri + ", " + factory.settings().source() + "]";
  }
}
