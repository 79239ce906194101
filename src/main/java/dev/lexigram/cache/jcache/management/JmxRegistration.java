package dev.lexigram.cache.jcache.management;

import java.lang.management.ManagementFactory;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers a cache's MXBeans with the platform MBean server under the standard names
 * {@code javax.cache:type=<type>,CacheManager=<uri>,Cache=<name>}, with ':', '=', ',' and
 * newlines in the URI and name replaced by '.', so JConsole and Micrometer find them.
 */
public final class JmxRegistration {

  /**
   * The kinds of MXBean a cache has: the two of the standard, in the {@code javax.cache} domain,
   * and lexigram's own, in the {@code dev.lexigram.cache} domain.
   */
  public enum MBeanType {
    CacheConfiguration("javax.cache"), CacheStatistics("javax.cache"), NearCache("dev.lexigram.cache");

    private final String domain;

    MBeanType(String domain) {
      this.domain = domain;
    }
  }

  private JmxRegistration() {}

  /** Registers the bean, replacing nothing; registering the same name twice does nothing. */
  public static void register(String managerUri, String cacheName, MBeanType type, Object bean) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = objectName(managerUri, cacheName, type);
    try {
      if (!server.isRegistered(name)) {
        server.registerMBean(bean, name);
      }
    } catch (InstanceAlreadyExistsException e) {
      // registered by a concurrent call for the same cache: nothing left to do
    } catch (JMException e) {
      throw new CacheException("Failed to register the " + type + " MXBean of cache '" + cacheName + "'", e);
    }
  }

  /** Unregisters the bean if it is registered. */
  public static void unregister(String managerUri, String cacheName, MBeanType type) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = objectName(managerUri, cacheName, type);
    try {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (InstanceNotFoundException e) {
      // unregistered by a concurrent call: nothing left to do
    } catch (JMException e) {
      throw new CacheException("Failed to unregister the " + type + " MXBean of cache '" + cacheName + "'", e);
    }
  }

  /** Returns the standard object name of a cache's MXBean. */
  public static ObjectName objectName(String managerUri, String cacheName, MBeanType type) {
    try {
      return new ObjectName(type.domain + ":type=" + type + ",CacheManager=" + sanitize(managerUri)
          + ",Cache=" + sanitize(cacheName));
    } catch (MalformedObjectNameException e) {
      throw new CacheException("Illegal MXBean name for cache '" + cacheName + "'", e);
    }
  }

  private static String sanitize(String text) {
    return text == null ? "" : text.replaceAll("[:=,\n]", ".");
  }
}
