package dev.lexigram.cache.backend.memcached;

/**
 * Sends spymemcached's logging through SLF4J, like the rest of the library. Left alone,
 * spymemcached writes its INFO lines ("Added {QA sa=…} to connect queue") straight to stderr; it
 * picks its logger from the system property {@value #PROPERTY} the first time it logs. A value the
 * application set is kept.
 */
final class SpyLogging {

  static final String PROPERTY = "net.spy.log.LoggerImpl";
  static final String SLF4J_LOGGER = "net.spy.memcached.compat.log.SLF4JLogger";

  private SpyLogging() {}

  /** Chooses SLF4J for spymemcached unless the application chose a logger; call before any client starts. */
  static void routeToSlf4j() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, SLF4J_LOGGER);
    }
  }
}
