package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.backend.memcached.ItemNames.ItemName;
import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.KeyLease;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import dev.lexigram.cache.store.StoreWrite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import net.spy.memcached.CASResponse;
import net.spy.memcached.CASValue;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.internal.BulkFuture;
import net.spy.memcached.internal.GetFuture;
import net.spy.memcached.internal.OperationFuture;
import net.spy.memcached.ops.StatusCode;

/**
 * The {@link Store} of one cache on memcached: one item per entry, named by {@link ItemNames} and
 * laid out as a {@link Record}; the server's exptime follows the entry's instant ({@link Exptime}).
 *
 * <p>Atomicity, per key, from memcached's CAS: put-if-absent is {@code add}; compare-and-set and
 * touch read the item with {@code gets}, compare the record's version, and write with {@code cas}
 * on the CAS value they read, so a write in between makes them fail (touch rewrites the same
 * value with a new header, keeping the version). Removal reads with {@code gets} and deletes with
 * the binary protocol's CAS-guarded delete, retrying while other writers get in between, so the
 * entry it returns is the one it deleted. {@link #removeAll}, {@link #clear} and bulk writes are
 * not atomic as a whole. Enumeration is {@link Metadump}'s, with its limits; {@link #clear} repeats
 * passes until one finds none of this cache's items, at most {@value #CLEAR_PASSES} times.
 *
 * <p>Every failure is a {@link StoreException} from {@link Calls}; an item that cannot be read
 * is a miss ({@link EntryCodec}).
 */
final class MemcachedStore implements Store {

  static final int CLEAR_PASSES = 10;
  private static final int REMOVE_ATTEMPTS = 100;

  private final MemcachedClient client;
  private final MemcachedClient reads;
  private final Calls calls;
  private final ItemNames names;
  private final EntryCodec codec;
  private final Metadump metadump;
  private final Clock clock;
  private final MemcachedLeases leases;

  MemcachedStore(MemcachedClient client, MemcachedClient reads, Calls calls, ItemNames names, EntryCodec codec,
      Metadump metadump, Clock clock) {
    this.client = client;
    this.reads = reads;
    this.calls = calls;
    this.names = names;
    this.codec = codec;
    this.metadump = metadump;
    this.clock = clock;
    this.leases = new MemcachedLeases(client, calls);
  }

  @Override
  public KeyLease tryLease(Object key, long ttlMillis) {
    return leases.tryLease(MemcachedLeases.itemOf(names.keys().leaseNameOf(key)), ttlMillis);
  }

  @Override
  public boolean isShared() {
    return true;
  }

  @Override
  public StoreEntry get(Object key) {
    ItemName name = names.of(key);
    GetFuture<byte[]> future = calls.issue("get", name.item(), () -> reads.asyncGet(name.item(), BytesTranscoder.INSTANCE));
    byte[] item = calls.await(future, "get", name.item());
    if (item == null) {
      calls.requireAnswered(future.getStatus(), "get", name.item());
    }
    return codec.entry(name, item);
  }

  @Override
  public Map<Object, StoreEntry> getAll(Collection<?> keys) {
    Object[] asked = (keys instanceof Set<?> ? keys : new LinkedHashSet<>(keys)).toArray();
    ItemName[] itemNames = new ItemName[asked.length];
    List<String> items = new ArrayList<>(asked.length);
    for (int i = 0; i < asked.length; i++) {
      itemNames[i] = names.of(asked[i]);
      items.add(itemNames[i].item());
    }
    Map<String, byte[]> answered = getBulk(items);
    Map<Object, StoreEntry> found = new HashMap<>(capacityFor(answered.size()));
    // looked up by the names asked, whose hash codes the multi-get already computed, not by the
    // names read off the wire
    for (int i = 0; i < asked.length && found.size() < answered.size(); i++) {
      byte[] bytes = answered.get(itemNames[i].item());
      StoreEntry entry = (bytes == null) ? null : codec.entry(itemNames[i], bytes);
      if (entry != null) {
        found.put(asked[i], entry);
      }
    }
    return found;
  }

  /** Returns a hash map capacity that holds {@code size} entries without resizing. */
  private static int capacityFor(int size) {
    return (int) (size / 0.75f) + 1;
  }

  private Map<String, byte[]> getBulk(Collection<String> items) {
    if (items.isEmpty()) {
      return Map.of();
    }
    String operation = "get of " + items.size() + " keys, starting with";
    String first = items.iterator().next();
    BulkFuture<Map<String, byte[]>> future = calls.issue(operation, first,
        () -> reads.asyncGetBulk(items, BytesTranscoder.INSTANCE));
    Map<String, byte[]> answered = calls.await(future, operation, first);
    if (answered.size() < items.size()) {
      calls.requireAnswered(future.getStatus(), operation, first);
    }
    return answered;
  }

  @Override
  public StoreEntry put(Object key, Object value, long expiresAt, EntryMeta meta) {
    ItemName name = names.of(key);
    long version = EntryCodec.newVersion();
    byte[] item = codec.encode(name, value, version, expiresAt, meta);
    OperationFuture<Boolean> set = calls.issue("set", name.item(),
        () -> client.set(name.item(), exptime(expiresAt), item, BytesTranscoder.INSTANCE));
    requireSuccess(set, "set", name.item());
    return new StoreEntry(value, version, expiresAt, meta);
  }

  @Override
  public void putAll(Map<?, StoreWrite> writes) {
    Map<String, byte[]> items = new LinkedHashMap<>();
    Map<String, Integer> exptimes = new HashMap<>();
    writes.forEach((key, write) -> {
      ItemName name = names.of(key);
      items.put(name.item(), codec.encode(name, write.value(), EntryCodec.newVersion(), write.expiresAt(), write.meta()));
      exptimes.put(name.item(), exptime(write.expiresAt()));
    });
    Map<String, OperationFuture<Boolean>> pipeline = new LinkedHashMap<>();
    items.forEach((item, bytes) -> pipeline.put(item,
        calls.issue("set", item, () -> client.set(item, exptimes.get(item), bytes, BytesTranscoder.INSTANCE))));
    awaitAll(pipeline, "set", /* mustSucceed= */ true);
  }

  @Override
  public boolean compareAndSet(Object key, StoreEntry expected, Object newValue, long expiresAt, EntryMeta meta) {
    ItemName name = names.of(key);
    if (expected == null) {
      return newValue == null ? get(key) == null : create(name, newValue, expiresAt, meta);
    }
    CASValue<byte[]> current = gets(name);
    Record record = current == null ? null : codec.record(name, current.getValue());
    if (record == null || record.version() != expected.version()) {
      return false;
    }
    if (newValue == null) {
      return delete(name, current.getCas());
    }
    byte[] item = codec.encode(name, newValue, EntryCodec.newVersion(), expiresAt, meta);
    return cas(name, current.getCas(), item, expiresAt);
  }

  /** Adds the entry if the key is absent; an item that reads as a miss is overwritten with CAS. */
  private boolean create(ItemName name, Object value, long expiresAt, EntryMeta meta) {
    byte[] item = codec.encode(name, value, EntryCodec.newVersion(), expiresAt, meta);
    OperationFuture<Boolean> add = calls.issue("add", name.item(),
        () -> client.add(name.item(), exptime(expiresAt), item, BytesTranscoder.INSTANCE));
    if (Boolean.TRUE.equals(calls.await(add, "add", name.item()))) {
      return true;
    }
    requireStatus(add, "add", name.item(), StatusCode.ERR_EXISTS,
        StatusCode.ERR_NOT_STORED);
    CASValue<byte[]> current = gets(name);
    if (current == null) {
      return false; // removed in between: report a conflict, the caller retries
    }
    return codec.entry(name, current.getValue()) == null && cas(name, current.getCas(), item, expiresAt);
  }

  @Override
  public boolean touch(Object key, StoreEntry expected, long expiresAt) {
    if (expected == null) {
      return false;
    }
    ItemName name = names.of(key);
    CASValue<byte[]> current = gets(name);
    Record record = current == null ? null : codec.record(name, current.getValue());
    if (record == null || record.version() != expected.version()) {
      return false;
    }
    byte[] item = record.encodeWithExpiresAt(expiresAt);
    return cas(name, current.getCas(), item, expiresAt);
  }

  @Override
  public StoreEntry remove(Object key) {
    ItemName name = names.of(key);
    for (int attempt = 0; attempt < REMOVE_ATTEMPTS; attempt++) {
      CASValue<byte[]> current = gets(name);
      StoreEntry entry = current == null ? null : codec.entry(name, current.getValue());
      if (entry == null) {
        return null;
      }
      if (delete(name, current.getCas())) {
        return entry;
      }
    }
    throw calls.failure(Kind.BACKEND, "remove", name.item(),
        "other writers changed the item " + REMOVE_ATTEMPTS + " times in a row", null);
  }

  @Override
  public void removeAll(Collection<?> keys) {
    List<String> items = new ArrayList<>();
    keys.forEach(key -> items.add(names.of(key).item()));
    deleteAll(items);
  }

  @Override
  public Iterator<Object> keys() {
    return new KeyListing(names, metadump, this::getBulk).keys().iterator();
  }

  @Override
  public void clear() {
    for (int pass = 0; pass < CLEAR_PASSES; pass++) {
      List<String> items = new ArrayList<>(metadump.names(item -> item.startsWith(names.prefix())));
      if (items.isEmpty()) {
        return;
      }
      deleteAll(items);
    }
  }

  /** Returns how many items this store has read as misses because it could not use them. */
  long unreadableItems() {
    return codec.unreadableCount();
  }

  @Override
  public void close() {
    // the client is the backend's and closes with it
  }

  private void deleteAll(List<String> items) {
    Map<String, OperationFuture<Boolean>> pipeline = new LinkedHashMap<>();
    items.forEach(item -> pipeline.put(item, calls.issue("delete", item, () -> client.delete(item))));
    awaitAll(pipeline, "delete", /* mustSucceed= */ false);
  }

  private CASValue<byte[]> gets(ItemName name) {
    return calls.call("gets", name.item(), () -> client.asyncGets(name.item(), BytesTranscoder.INSTANCE));
  }

  private boolean cas(ItemName name, long cas, byte[] item, long expiresAt) {
    OperationFuture<CASResponse> future = calls.issue("cas", name.item(),
        () -> client.asyncCAS(name.item(), cas, exptime(expiresAt), item, BytesTranscoder.INSTANCE));
    CASResponse response = calls.await(future, "cas", name.item());
    if (response == CASResponse.OK) {
      return true;
    }
    if (response == CASResponse.EXISTS || response == CASResponse.NOT_FOUND) {
      return false;
    }
    throw calls.refused(future.getStatus(), "cas", name.item());
  }

  private boolean delete(ItemName name, long cas) {
    OperationFuture<Boolean> future = calls.issue("delete", name.item(), () -> client.delete(name.item(), cas));
    if (Boolean.TRUE.equals(calls.await(future, "delete", name.item()))) {
      return true;
    }
    requireStatus(future, "delete", name.item(), StatusCode.ERR_EXISTS,
        StatusCode.ERR_NOT_FOUND);
    return false;
  }

  private void requireSuccess(OperationFuture<Boolean> future, String operation, String item) {
    if (!Boolean.TRUE.equals(calls.await(future, operation, item))) {
      throw calls.refused(future.getStatus(), operation, item);
    }
  }

  /** Throws unless the failed call's status is one of the expected "no" answers. */
  private void requireStatus(OperationFuture<Boolean> future, String operation, String item,
      StatusCode... expected) {
    StatusCode code = future.getStatus().getStatusCode();
    for (StatusCode ok : expected) {
      if (code == ok) {
        return;
      }
    }
    throw calls.refused(future.getStatus(), operation, item);
  }

  /** Waits for every call; the first failure is thrown after all were waited for, later ones suppressed. */
  private void awaitAll(Map<String, OperationFuture<Boolean>> pipeline, String operation, boolean mustSucceed) {
    StoreException failure = null;
    for (Map.Entry<String, OperationFuture<Boolean>> call : pipeline.entrySet()) {
      try {
        if (mustSucceed) {
          requireSuccess(call.getValue(), operation, call.getKey());
        } else {
          calls.await(call.getValue(), operation, call.getKey());
        }
      } catch (StoreException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private int exptime(long expiresAt) {
    return Exptime.of(expiresAt, clock.millis());
  }
}
