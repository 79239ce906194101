package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.serial.Serializers;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreContractTest;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import dev.lexigram.cache.testing.MemcachedServers;
import dev.lexigram.cache.testing.MemcachedSettings;
import java.util.concurrent.atomic.AtomicInteger;
import net.spy.memcached.ArrayModNodeLocator;
import net.spy.memcached.MemcachedClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The memcached store passes the store contract on a single server, where the client places keys
 * without the Ketama ring ({@link ClientSetup}).
 */
@ExtendWith(MemcachedServerExtension.class)
@MemcachedServerExtension.Servers(count = 1)
class MemcachedSingleServerStoreIT extends StoreContractTest {

  private static final AtomicInteger CACHES = new AtomicInteger();

  private final Serializer serializer = Serializers.builder().build();
  private final BackendSettings settings;
  private final MemcachedBackend backend;

  MemcachedSingleServerStoreIT(MemcachedServers servers) {
    settings = MemcachedSettings.backend("single-server-it", servers.addresses());
    backend = new MemcachedBackend(settings, serializer);
  }

  @Override
  protected FakeClock newClock() {
    return FakeClock.startingNow();
  }

  @Override
  protected Store createStore(FakeClock clock) {
    return backend.open(new StoreContext("single" + CACHES.incrementAndGet(), clock,
        StoreEvictionListener.ignoring(), true, null));
  }

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  @Test
  void connect_oneServer_placesKeysWithoutTheRing() {
    MemcachedClient client = ClientSetup.connect(settings, ClientSetup.addresses(settings), false);
    try {
      assertThat(client.getNodeLocator()).isInstanceOf(ArrayModNodeLocator.class);
    } finally {
      client.shutdown();
    }
  }
}
