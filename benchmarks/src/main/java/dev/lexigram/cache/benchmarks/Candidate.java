package dev.lexigram.cache.benchmarks;

import java.net.URI;

/**
 * One cache under measurement, reduced to the two calls the benchmark makes. Each JMH fork
 * loads one candidate only, so the call through this interface stays monomorphic and inlines.
 */
interface Candidate extends AutoCloseable {

  /** Returns the value mapped to the key, or null. */
  byte[] get(String key);

  /** Maps the key to the value. */
  void put(String key, byte[] value);

  /** Closes the cache and whatever was opened for it. */
  @Override
  void close();

  /**
   * Opens the candidate of that name with an empty cache.
   *
   * @throws IllegalArgumentException if no candidate has that name
   */
  static Candidate open(String name) {
    switch (name) {
      case "lexigram-byRef":
        return JCacheCandidate.open(name, JCacheCandidate.LEXIGRAM, /* storeByValue= */ false);
      case "lexigram-byValue":
        return JCacheCandidate.open(name, JCacheCandidate.LEXIGRAM, /* storeByValue= */ true);
      case "lexigram-readThrough":
        return JCacheCandidate.openReadThrough(name, URI.create("lexigram:benchmarks-" + name));
      case "lexigram-readThrough-unprotected":
        return JCacheCandidate.openReadThrough(name, URI.create("classpath:bench-unprotected.yaml"));
      case "lexigram-readThrough-expiring":
        return JCacheCandidate.openExpiringReadThrough(name, URI.create("lexigram:benchmarks-" + name));
      case "lexigram-readThrough-expiring-unprotected":
        return JCacheCandidate.openExpiringReadThrough(name, URI.create("classpath:bench-unprotected.yaml"));
      case "caffeine-raw":
        return new CaffeineCandidate();
      case "caffeine-raw-copying":
        return new CopyingCaffeineCandidate();
      case "caffeine-jcache-byRef":
        return JCacheCandidate.open(name, JCacheCandidate.CAFFEINE, /* storeByValue= */ false);
      case "caffeine-jcache-byValue":
        return JCacheCandidate.open(name, JCacheCandidate.CAFFEINE, /* storeByValue= */ true);
      default:
        throw new IllegalArgumentException("Unknown candidate '" + name + "'; use one of "
            + "lexigram-byRef, lexigram-byValue, lexigram-readThrough, lexigram-readThrough-unprotected, lexigram-readThrough-expiring, "
            + "lexigram-readThrough-expiring-unprotected, caffeine-raw, "
            + "caffeine-raw-copying, caffeine-jcache-byRef, caffeine-jcache-byValue");
    }
  }
}
