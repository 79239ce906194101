package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.ext.ExtensionContractTest;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import dev.lexigram.cache.testing.MemcachedServers;
import dev.lexigram.cache.testing.MemcachedSettings;
import java.time.Duration;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension contract on a memcached default backend over two servers, with time from a fake clock. */
@ExtendWith(MemcachedServerExtension.class)
@MemcachedServerExtension.Servers(count = 2)
class MemcachedExtensionIT extends ExtensionContractTest {

  private final CacheFixture fixture;

  MemcachedExtensionIT(MemcachedServers servers) {
    fixture = new CacheFixture(MemcachedSettings.withDefaultBackend(servers.addresses()), FakeClock.startingNow());
  }

  @AfterEach
  void close() {
    fixture.manager().getCacheNames().forEach(name -> fixture.manager().getCache(name).clear());
    fixture.close();
  }

  @Override
  protected <K, V> Cache<K, V> createCache(String name, MutableConfiguration<K, V> configuration) {
    return fixture.cache(name, configuration);
  }

  @Override
  protected void advance(Duration duration) {
    fixture.clock().advance(duration);
  }
}
