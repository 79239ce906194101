package dev.lexigram.cache.testing;

import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.jcache.CacheManagerImpl;
import dev.lexigram.cache.jcache.spi.LexigramCachingProvider;
import java.net.URI;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;

/**
 * A cache manager on the built-in memory default whose caches read a {@link FakeClock}. Use it in
 * try-with-resources; each fixture has a manager URI of its own, so MXBean names never collide.
 */
public final class CacheFixture implements AutoCloseable {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final FakeClock clock;
  private final CacheManagerImpl manager;

  public CacheFixture() {
    this(LexigramSettings.defaults());
  }

  public CacheFixture(LexigramSettings settings) {
    this(settings, new FakeClock());
  }

  /** A fixture on the given settings and clock (remote backends use {@link FakeClock#startingNow()}). */
  public CacheFixture(LexigramSettings settings, FakeClock clock) {
    this.clock = clock;
    URI uri = URI.create("fixture:" + SEQUENCE.incrementAndGet());
    manager = CacheManagerImpl.open(new LexigramCachingProvider(), uri, getClass().getClassLoader(),
        new Properties(), settings, new dev.lexigram.cache.serial.WrittenTypes(), clock, () -> { });
  }

  public FakeClock clock() {
    return clock;
  }

  public CacheManagerImpl manager() {
    return manager;
  }

  public <K, V> Cache<K, V> cache(String name, MutableConfiguration<K, V> configuration) {
    return manager.createCache(name, configuration);
  }

  @Override
  public void close() {
    manager.close();
  }
}
