package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.ext.ExtensionContractTest;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import dev.lexigram.cache.testing.MemcachedServers;
import dev.lexigram.cache.testing.MemcachedSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension contract on a memcached default backend over two servers, with time from a fake clock. */
@ExtendWith(MemcachedServerExtension.class)
@MemcachedServerExtension.Servers(count = 2)
class MemcachedExtensionIT extends ExtensionContractTest {
  MemcachedExtensionIT(MemcachedServers servers) {
    super(new CacheFixture(MemcachedSettings.withDefaultBackend(servers.addresses()), FakeClock.startingNow()));
  }

  @AfterEach
  void close() {
    // the servers are shared by the class's tests: leave them empty (the base class then closes the fixture)
    fixture.manager().getCacheNames().forEach(name -> fixture.manager().getCache(name).clear());
  }
}
