package dev.lexigram.cache.jcache.spi;

import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.config.ConfigLoader;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.jcache.CacheManagerImpl;
import dev.lexigram.cache.serial.WrittenTypes;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.WeakHashMap;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;

/**
 * lexigram-cache's {@link CachingProvider}, found by {@code Caching.getCachingProvider()} through
 * {@code META-INF/services/javax.cache.spi.CachingProvider}. It keeps one manager per
 * (URI, class loader); a manager reads its configuration when it is first asked for.
 */
public final class LexigramCachingProvider implements CachingProvider {

  /** The URI of the default cache manager. */
  public static final URI DEFAULT_URI = URI.create("lexigram:default");

  private final Map<ClassLoader, Map<URI, CacheManagerImpl>> managers = new WeakHashMap<>();
  /** The classes this provider's managers have written to remote backends, which they read back. */
  private final WrittenTypes writtenTypes = new WrittenTypes();

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader, Properties properties) {
    URI managerUri = (uri == null) ? getDefaultURI() : uri;
    ClassLoader loader = (classLoader == null) ? getDefaultClassLoader() : classLoader;
    Properties managerProperties = (properties == null) ? new Properties() : properties;
    synchronized (managers) {
      Map<URI, CacheManagerImpl> byUri = managers.computeIfAbsent(loader, key -> new HashMap<>());
      CacheManagerImpl manager = byUri.get(managerUri);
      if (manager == null || manager.isClosed()) {
        LexigramSettings settings = ConfigLoader.load(managerUri, loader);
        manager = CacheManagerImpl.open(this, managerUri, loader, managerProperties, settings, writtenTypes,
            Clock.systemUTC(), () -> forget(loader, managerUri));
        byUri.put(managerUri, manager);
      }
      return manager;
    }
  }

  private void forget(ClassLoader loader, URI uri) {
    synchronized (managers) {
      Map<URI, CacheManagerImpl> byUri = managers.get(loader);
      if (byUri != null) {
        byUri.remove(uri);
        if (byUri.isEmpty()) {
          managers.remove(loader);
        }
      }
    }
  }

  @Override
  public ClassLoader getDefaultClassLoader() {
    return getClass().getClassLoader();
  }

  @Override
  public URI getDefaultURI() {
    return DEFAULT_URI;
  }

  @Override
  public Properties getDefaultProperties() {
    return new Properties();
  }

  @Override
  public CacheManager getCacheManager(URI uri, ClassLoader classLoader) {
    return getCacheManager(uri, classLoader, getDefaultProperties());
  }

  @Override
  public CacheManager getCacheManager() {
    return getCacheManager(getDefaultURI(), getDefaultClassLoader());
  }

  @Override
  public void close() {
    for (CacheManagerImpl manager : snapshot(null)) {
      manager.close();
    }
  }

  @Override
  public void close(ClassLoader classLoader) {
    ClassLoader loader = (classLoader == null) ? getDefaultClassLoader() : classLoader;
    for (CacheManagerImpl manager : snapshot(loader)) {
      manager.close();
    }
  }

  @Override
  public void close(URI uri, ClassLoader classLoader) {
    URI managerUri = (uri == null) ? getDefaultURI() : uri;
    ClassLoader loader = (classLoader == null) ? getDefaultClassLoader() : classLoader;
    CacheManagerImpl manager;
    synchronized (managers) {
      Map<URI, CacheManagerImpl> byUri = managers.get(loader);
      manager = (byUri == null) ? null : byUri.get(managerUri);
    }
    if (manager != null) {
      manager.close();
    }
  }

  private List<CacheManagerImpl> snapshot(ClassLoader onlyLoader) {
    synchronized (managers) {
      List<CacheManagerImpl> result = new ArrayList<>();
      managers.forEach((loader, byUri) -> {
        if (onlyLoader == null || onlyLoader == loader) {
          result.addAll(byUri.values());
        }
      });
      return result;
    }
  }

  @Override
  public boolean isSupported(OptionalFeature optionalFeature) {
    if (optionalFeature != OptionalFeature.STORE_BY_REFERENCE) {
      return false;
    }
    // store-by-reference needs an in-process store: it is supported when the default backend is memory
    try {
      return ConfigLoader.load(getDefaultURI(), getDefaultClassLoader()).defaultBackend().type() == BackendType.MEMORY;
    } catch (CacheException e) {
      return false; // a broken configuration fails loudly when a manager is opened
    }
  }
}
