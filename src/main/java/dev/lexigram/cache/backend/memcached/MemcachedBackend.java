package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.config.NearCacheSettings;
import dev.lexigram.cache.near.NearChannel;
import dev.lexigram.cache.near.NearEntries;
import dev.lexigram.cache.near.NearStore;
import dev.lexigram.cache.store.RemoteKeys;
import dev.lexigram.cache.store.LockStore;
import dev.lexigram.cache.store.TagStore;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.spy.memcached.MemcachedClient;

/**
 * A memcached backend: the spymemcached client, the metadump lister and the item size limit,
 * shared by the stores of every cache on it. Stores copy values by nature (each read
 * deserializes), so caches here cannot store by reference. {@link #close()} shuts the client
 * down, waiting up to the operation timeout for calls in flight. Opening fails at once when a
 * configured server answers but is no memcached ({@link ItemSizeLimit#probe()}), or refuses the
 * backend's SASL login or requires one the backend lacks ({@link SaslLogin#check}).
 */
final class MemcachedBackend implements StoreBackend {

  private final BackendSettings settings;
  private final Serializer serializer;
  private final MemcachedClient client;
  private final MemcachedClient reads;
  private final Calls calls;
  private final Metadump metadump;
  private final ItemSizeLimit limit;
  private final AtomicBoolean closed = new AtomicBoolean();

  MemcachedBackend(BackendSettings settings, Serializer serializer) {
    this.settings = settings;
    this.serializer = serializer;
    List<InetSocketAddress> addresses = ClientSetup.addresses(settings);
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
    boolean sasl = SaslLogin.configured(settings);
    // a SASL server speaks no text protocol, and after `stats settings` it waits for the rest of a
    // 24-byte binary header, so the probe would cost a full timeout and learn nothing: ask no server
    this.limit = new ItemSizeLimit(settings.name(), sasl ? List.of() : addresses, timeoutMillis);
    new SaslLogin(settings, timeoutMillis).check(addresses); // first: a SASL server stalls the text probe
    limit.probe();
    this.client = ClientSetup.connect(settings, addresses, false);
    this.reads = connectReads(addresses);
    this.calls = new Calls(settings.name(), client, settings.timeout().toMillis());
    this.metadump = new Metadump(settings.name(), addresses, timeoutMillis, sasl);
  }

  @Override
  public Store open(StoreContext context) {
    RemoteKeys keys = new RemoteKeys(settings.keyPrefix(), context.cacheName(), serializer);
    EntryCodec codec = new EntryCodec(settings.name(), context.cacheName(), serializer, limit);
    Store store = new MemcachedStore(client, reads, calls, new ItemNames(keys), codec, metadump, context.clock());
    NearCacheSettings near = context.nearCache();
    if (near == null) {
      return store;
    }
    // memcached cannot tell a process of another's writes: max_ttl bounds what those leave stale
    return new NearStore(store, serializer, new NearEntries(keys, near, context.nearCounters()),
        NearChannel.NONE, context.nearCounters());
  }

  @Override
  public LockStore locks(String keyPrefix) {
    return new MemcachedLocks(client, calls, keyPrefix);
  }

  @Override
  public TagStore tags(String keyPrefix) {
    return new MemcachedTags(client, reads, calls, keyPrefix);
  }

  @Override
  public boolean copiesValues() {
    return true;
  }

  @Override
  public boolean supportsStoreByReference() {
    return false;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      // side by side: each waits up to the timeout for its calls in flight, a dead server's too
      CompletableFuture<Void> readsDown = CompletableFuture.runAsync(
          () -> reads.shutdown(settings.timeout().toMillis(), TimeUnit.MILLISECONDS));
      client.shutdown(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      readsDown.join();
    }
  }

  /** Opens the reading client, shutting the first client down if it cannot. */
  private MemcachedClient connectReads(List<InetSocketAddress> addresses) {
    try {
      return ClientSetup.connect(settings, addresses, true);
    } catch (RuntimeException e) {
      client.shutdown(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      throw e;
    }
  }
}
