package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import net.spy.memcached.compat.log.LoggerFactory;
import net.spy.memcached.compat.log.SLF4JLogger;
import org.junit.jupiter.api.Test;

/** spymemcached logs through SLF4J, not straight to stderr, unless the application chose otherwise. */
class SpyLoggingTest {

  @Test
  void routeToSlf4j_beforeSpymemcachedLogs_givesItsLoggersSlf4j() {
    SpyLogging.routeToSlf4j();

    assertThat(LoggerFactory.getLogger(SpyLoggingTest.class)).isInstanceOf(SLF4JLogger.class);
  }

  @Test
  void routeToSlf4j_propertySetByApplication_keepsIt() {
    String before = System.getProperty(SpyLogging.PROPERTY);
    System.setProperty(SpyLogging.PROPERTY, "net.spy.memcached.compat.log.SunLogger");
    try {
      SpyLogging.routeToSlf4j();

      assertThat(System.getProperty(SpyLogging.PROPERTY)).isEqualTo("net.spy.memcached.compat.log.SunLogger");
    } finally {
      if (before == null) {
        System.clearProperty(SpyLogging.PROPERTY);
      } else {
        System.setProperty(SpyLogging.PROPERTY, before);
      }
    }
  }
}
