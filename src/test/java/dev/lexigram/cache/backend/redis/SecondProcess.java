package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.jcache.spi.LexigramCachingProvider;
import java.io.Serializable;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

/**
 * The other JVM of {@link RedisTwoProcessIT}: through the standard API only, it writes, removes and
 * writes with a TTL on the shared configuration; then it writes a value the first process may not
 * deserialize (on a configuration with a wider allowlist) and one it cannot verify (on a
 * configuration with another signing key); then it exits.
 *
 * <p>Arguments: the URIs of the shared, the wider and the other-key configuration.
 */
public final class SecondProcess {

  static final String SHARED_CACHE = "shared";
  static final String EXPIRING_CACHE = "expiring";
  static final long TTL_SECONDS = 4;

  /** A type on the second process's allowlist only. */
  record Payload(String text) implements Serializable {}

  private SecondProcess() {}

  public static void main(String[] args) {
    LexigramCachingProvider provider = new LexigramCachingProvider();
    ClassLoader loader = SecondProcess.class.getClassLoader();
    try (CacheManager manager = provider.getCacheManager(URI.create(args[0]), loader)) {
      Cache<String, String> shared = manager.createCache(SHARED_CACHE, new MutableConfiguration<>());
      shared.put("written", "by the second process");
      shared.remove("doomed");
      Cache<String, String> expiring = manager.createCache(EXPIRING_CACHE, new MutableConfiguration<String, String>()
          .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, TTL_SECONDS))));
      expiring.put("short-lived", "expires soon");
    }
    try (CacheManager wider = provider.getCacheManager(URI.create(args[1]), loader)) {
      Cache<String, Object> shared = wider.createCache(SHARED_CACHE, new MutableConfiguration<>());
      shared.put("not-allowed-there", new Payload("only the second process may read this"));
    }
    try (CacheManager otherKey = provider.getCacheManager(URI.create(args[2]), loader)) {
      Cache<String, String> shared = otherKey.createCache(SHARED_CACHE, new MutableConfiguration<>());
      shared.put("signed-with-another-key", "cannot be verified there");
    }
  }
}
