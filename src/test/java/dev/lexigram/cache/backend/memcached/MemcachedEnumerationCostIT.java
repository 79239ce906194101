package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.serial.Serializers;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.store.StoreWrite;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import dev.lexigram.cache.testing.MemcachedServers;
import dev.lexigram.cache.testing.MemcachedSettings;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one metadump enumeration costs: 100k keys of one cache on two servers (beside 10k of
 * another cache, which the listing must leave out), one full {@link Store#keys()} pass timed, and
 * the heap in use before and after it printed. Asserts only that the pass is complete; the numbers
 * are for the closing note, not a gate.
 */
@ExtendWith(MemcachedServerExtension.class)
@MemcachedServerExtension.Servers(count = 2)
class MemcachedEnumerationCostIT {

  private static final int KEYS = 100_000;
  private static final int BATCH = 1_000;

  @Test
  void keysOf100kEntries_areListedInOnePass() {
    try (MemcachedBackend backend = new MemcachedBackend(
        MemcachedSettings.backend("cost", servers.addresses()), Serializers.builder().build())) {
      Store store = open(backend, "big");
      fill(store, "key-", KEYS);
      fill(open(backend, "other"), "other-", KEYS / 10);

      long heapBefore = usedHeap();
      long start = System.nanoTime();
      Set<Object> keys = new HashSet<>();
      for (Iterator<Object> it = store.keys(); it.hasNext(); ) {
        keys.add(it.next());
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      long heapHeld = usedHeap() - heapBefore;

      System.out.printf("MemcachedEnumerationCostIT: %d keys (of %d items on 2 servers) listed in %d ms;"
          + " heap held by the listing %.1f MiB (%d bytes/key)%n", keys.size(), KEYS + KEYS / 10, millis,
          heapHeld / 1048576.0, heapHeld / Math.max(1, keys.size()));
      assertThat(keys).hasSize(KEYS).contains("key-0", "key-" + (KEYS - 1)).doesNotContain("other-0");
      store.clear();
      assertThat(store.keys().hasNext()).isFalse();
    }
  }

  private final MemcachedServers servers;

  MemcachedEnumerationCostIT(MemcachedServers servers) {
    this.servers = servers;
  }

  private static Store open(MemcachedBackend backend, String cache) {
    return backend.open(new StoreContext(cache, FakeClock.startingNow(), StoreEvictionListener.ignoring(), true, null));
  }

  private static void fill(Store store, String prefix, int count) {
    for (int from = 0; from < count; from += BATCH) {
      Map<Object, StoreWrite> batch = new LinkedHashMap<>();
      for (int i = from; i < Math.min(count, from + BATCH); i++) {
        batch.put(prefix + i, new StoreWrite("value-" + i, StoreEntry.ETERNAL));
      }
      store.putAll(batch);
    }
  }

  /** Returns the heap in use after a collection; a rough figure, as every such figure is. */
  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
