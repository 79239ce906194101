package dev.lexigram.cache.near;

import dev.lexigram.cache.NearCacheStatisticsMXBean;
import dev.lexigram.cache.jcache.management.JmxRegistration;
import dev.lexigram.cache.jcache.management.JmxRegistration.MBeanType;
import java.lang.management.ManagementFactory;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.management.JMX;

/** What the near cache tests share: the test cache and the near cache's MXBean. */
final class NearCaches {

  private NearCaches() {}

  /** The cache {@code items} of the manager, declared in its configuration or created plain. */
  @SuppressWarnings("unchecked")
  static Cache<String, String> items(CacheManager manager) {
    Cache<?, ?> cache = manager.getCache(NearProcess.CACHE);
    return (Cache<String, String>) (cache != null ? cache : manager.createCache(NearProcess.CACHE,
        new MutableConfiguration<String, String>()));
  }

  /** The near cache statistics of a cache, read through its MXBean as an operator would. */
  static NearCacheStatisticsMXBean statistics(CacheManager manager, String cacheName) {
    return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
        JmxRegistration.objectName(manager.getURI().toString(), cacheName, MBeanType.NearCache),
        NearCacheStatisticsMXBean.class);
  }

  /** A YAML configuration of one backend with a near cache, and the cache {@code items} on it. */
  static String config(String backend, String nearCache) {
    return "cache:\n  backends:\n" + backend.indent(4) + "      near_cache: " + nearCache + "\n"
        + "  service:\n    tag_staleness: 100ms\n  caches:\n    items: {}\n";
  }
}
