package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.Glob;
import dev.lexigram.cache.store.KeyLease;
import dev.lexigram.cache.store.RemoteKeys;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import dev.lexigram.cache.store.StoreWrite;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The store of one cache on Redis: each entry is one Redis string named by {@link RemoteKeys}
 * and laid out as {@link RecordFormat} describes. The expiry instant in the record is the one that
 * counts (the cache layer checks it on every read); Redis is also given it as native TTL
 * ({@code PXAT}) plus a grace of {@value #NATIVE_EXPIRY_GRACE_MILLIS} ms, so that the server
 * reclaims the memory but never drops an entry that a client whose clock runs behind the
 * server's still considers live (clock skew between hosts; a fake clock in tests).
 *
 * <p>Atomicity: {@code get}, {@code put} ({@code SET}) and {@code remove} ({@code GETDEL}) are
 * single commands; {@link #compareAndSet} and {@link #touch} are Lua scripts, so the version check
 * and the write run as one step on the server. {@code getAll} is one {@code MGET} (on a cluster, one per
 * slot, pipelined by Lettuce); {@code putAll}
 * pipelines its {@code SET}s and waits for all replies; {@code removeAll} and {@code clear} use
 * {@code UNLINK} in batches of {@value ScanNames#COUNT} (a cluster's {@code SCAN} walks every master in
 * turn); {@code putAll}, {@code removeAll},
 * {@code clear} and iteration are not atomic as a whole.
 *
 * <p>A record that cannot be read (another format, a payload that fails to deserialize or, with
 * signing on, to verify) reads as a miss: it is logged once per store and counted in
 * {@link #unreadableRecords()}. Every other failure is a {@link StoreException}.
 */
final class RedisStore implements Store {

  private static final byte[] NONE = new byte[0];
  private static final byte[] NO_TTL = "0".getBytes(StandardCharsets.US_ASCII);
  /** How long after an entry's expiry instant Redis reclaims it; see the class comment. */
  static final long NATIVE_EXPIRY_GRACE_MILLIS = 5_000;
  static final long NO_NATIVE_EXPIRY = 0;

  private final RedisBackend backend;
  private final RemoteKeys keys;
  private final RedisCalls calls;
  private final RedisClusterCommands<String, byte[]> commands;
  private final RedisFailures failures;
  private final UnreadableRecords unreadable;
  private final RedisLeases leases;

  RedisStore(RedisBackend backend, RemoteKeys keys, RedisCalls calls) {
    this.backend = backend;
    this.keys = keys;
    this.calls = calls;
    this.commands = calls.sync();
    this.failures = backend.failures();
    this.unreadable = new UnreadableRecords(keys.namespace());
    this.leases = new RedisLeases(commands, backend.releaseLeaseScript());
  }

  /** Returns how many records this store has read as misses because they could not be read. */
  long unreadableRecords() {
    return unreadable.count();
  }

  private <T> T call(String operation, Object key, Supplier<T> command) {
    try {
      return command.get();
    } catch (RuntimeException e) {
      throw failures.translate(e, operation, key);
    }
  }

  private String nameOf(Object key) {
    return call("encode", key, () -> keys.nameOf(key));
  }

  private String[] namesOf(List<Object> keys) {
    String[] names = new String[keys.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = nameOf(keys.get(i));
    }
    return names;
  }

  @Override
  public KeyLease tryLease(Object key, long ttlMillis) {
    String name = call("encode", key, () -> keys.leaseNameOf(key));
    return call("SET NX (lease)", key, () -> leases.tryLease(name, ttlMillis));
  }

  @Override
  public boolean isShared() {
    return true;
  }

  @Override
  public StoreEntry get(Object key) {
    String name = nameOf(key);
    return decode(key, call("GET", key, () -> commands.get(name)));
  }

  @Override
  public Map<Object, StoreEntry> getAll(Collection<?> requested) {
    if (requested.isEmpty()) {
      return new HashMap<>();
    }
    List<Object> order = new ArrayList<>(requested);
    String[] names = namesOf(order);
    List<KeyValue<String, byte[]>> found = call("MGET", null, () -> commands.mget(names));
    return entriesOf(order, found);
  }

  /** Sends {@code GET} on Lettuce's asynchronous API: no thread waits for the reply, which is decoded on arrival. */
  @Override
  public CompletionStage<StoreEntry> getAsync(Object key, Executor executor) {
    String name = nameOf(key);
    return sent("GET", key, () -> calls.async().get(name))
        .thenApply(record -> decode(key, record));
  }

  /** Sends one {@code MGET} (on a cluster, one per slot) on Lettuce's asynchronous API. */
  @Override
  public CompletionStage<Map<Object, StoreEntry>> getAllAsync(Collection<?> requested, Executor executor) {
    if (requested.isEmpty()) {
      return CompletableFuture.completedFuture(new HashMap<>());
    }
    List<Object> order = new ArrayList<>(requested);
    String[] names = namesOf(order);
    return sent("MGET", null, () -> calls.async().mget(names))
        .thenApply(found -> entriesOf(order, found));
  }

  /**
   * Sends {@code SET} on Lettuce's asynchronous API. With {@code replica_acks} the write must be
   * followed by {@code WAIT}, a blocking command, so the whole put then runs on the executor.
   */
  @Override
  public CompletionStage<StoreEntry> putAsync(Object key, Object value, long expiresAt, Executor executor) {
    if (backend.waitsForReplicas()) {
      return Store.super.putAsync(key, value, expiresAt, executor);
    }
    String name = nameOf(key);
    long version = newVersion();
    byte[] record = encode(key, version, value, expiresAt, null);
    long nativeExpiry = nativeExpiry(expiresAt);
    return sent("SET", key, () -> nativeExpiry == NO_NATIVE_EXPIRY
        ? calls.async().set(name, record)
        : calls.async().set(name, record, SetArgs.Builder.pxAt(nativeExpiry)))
        .thenApply(ok -> new StoreEntry(value, version, expiresAt));
  }

  /** Sends {@code GETDEL} on Lettuce's asynchronous API; with {@code replica_acks}, as {@link #putAsync}. */
  @Override
  public CompletionStage<StoreEntry> removeAsync(Object key, Executor executor) {
    if (backend.waitsForReplicas()) {
      return Store.super.removeAsync(key, executor);
    }
    String name = nameOf(key);
    return sent("GETDEL", key, () -> calls.async().getdel(name)).thenApply(removed -> decode(key, removed));
  }

  /**
   * Returns the command's stage with every failure, thrown at sending or completing the stage,
   * as a {@link StoreException} (inside a {@link CompletionException}).
   */
  private <T> CompletionStage<T> sent(String operation, Object key, Supplier<CompletionStage<T>> command) {
    CompletionStage<T> reply;
    try {
      reply = command.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(failures.translate(e, operation, key));
    }
    return reply.handle((value, failure) -> {
      if (failure != null) {
        throw new CompletionException(failures.translate(failure, operation, key));
      }
      return value;
    });
  }

  private Map<Object, StoreEntry> entriesOf(List<Object> order, List<KeyValue<String, byte[]>> found) {
    Map<Object, StoreEntry> result = new HashMap<>(order.size() * 2);
    for (int i = 0; i < order.size(); i++) {
      KeyValue<String, byte[]> value = found.get(i);
      StoreEntry entry = value.hasValue() ? decode(order.get(i), value.getValue()) : null;
      if (entry != null) {
        result.put(order.get(i), entry);
      }
    }
    return result;
  }

  @Override
  public StoreEntry put(Object key, Object value, long expiresAt, EntryMeta meta) {
    String name = nameOf(key);
    long version = newVersion();
    byte[] record = encode(key, version, value, expiresAt, meta);
    long nativeExpiry = nativeExpiry(expiresAt);
    call("SET", key, () -> nativeExpiry == NO_NATIVE_EXPIRY
        ? commands.set(name, record)
        : commands.set(name, record, SetArgs.Builder.pxAt(nativeExpiry)));
    backend.awaitReplicas(commands, "SET", key);
    return new StoreEntry(value, version, expiresAt, meta);
  }

  @Override
  public void putAll(Map<?, StoreWrite> writes) {
    Map<String, byte[]> records = new HashMap<>(writes.size() * 2);
    Map<String, Long> expiries = new HashMap<>(writes.size() * 2);
    writes.forEach((key, write) -> {
      String name = nameOf(key);
      records.put(name, encode(key, newVersion(), write.value(), write.expiresAt(), write.meta()));
      expiries.put(name, write.expiresAt());
    });
    call("SET (pipelined)", null, () -> {
      var async = calls.async();
      List<RedisFuture<String>> replies = new ArrayList<>(records.size());
      records.forEach((name, record) -> {
        long nativeExpiry = nativeExpiry(expiries.get(name));
        replies.add(nativeExpiry == NO_NATIVE_EXPIRY
            ? async.set(name, record)
            : async.set(name, record, SetArgs.Builder.pxAt(nativeExpiry)));
      });
      if (!LettuceFutures.awaitAll(backend.timeout(), replies.toArray(new RedisFuture<?>[0]))) {
        throw new StoreException(Kind.TIMEOUT, failures.describe("putAll of " + records.size()
            + " entries did not finish within " + backend.timeout()));
      }
      return null;
    });
    backend.awaitReplicas(commands, "SET (pipelined)", null);
  }

  @Override
  public boolean compareAndSet(Object key, StoreEntry expected, Object newValue, long expiresAt, EntryMeta meta) {
    String name = nameOf(key);
    byte[] expectedVersion = expected == null ? NONE : RecordFormat.longBytes(expected.version());
    byte[] record = newValue == null ? NONE : encode(key, newVersion(), newValue, expiresAt, meta);
    byte[] ttl = (newValue == null) ? NO_TTL : ttlArgument(expiresAt);
    RedisScript script = backend.compareAndSetScript();
    boolean written = call("compare-and-set", key, () -> script.run(commands, name, expectedVersion, record, ttl)) == 1L;
    if (written) {
      backend.awaitReplicas(commands, "compare-and-set", key);
    }
    return written;
  }

  @Override
  public boolean touch(Object key, StoreEntry expected, long expiresAt) {
    if (expected == null) {
      return false;
    }
    String name = nameOf(key);
    byte[] version = RecordFormat.longBytes(expected.version());
    byte[] expiry = RecordFormat.longBytes(expiresAt);
    RedisScript script = backend.touchScript();
    boolean touched = call("touch", key, () -> script.run(commands, name, version, expiry, ttlArgument(expiresAt))) == 1L;
    if (touched) {
      backend.awaitReplicas(commands, "touch", key);
    }
    return touched;
  }

  @Override
  public StoreEntry remove(Object key) {
    String name = nameOf(key);
    byte[] removed = call("GETDEL", key, () -> commands.getdel(name));
    if (removed != null) {
      backend.awaitReplicas(commands, "GETDEL", key);
    }
    return decode(key, removed);
  }

  @Override
  public void removeAll(Collection<?> toRemove) {
    List<String> batch = new ArrayList<>(ScanNames.COUNT);
    for (Object key : toRemove) {
      batch.add(nameOf(key));
      if (batch.size() == ScanNames.COUNT) {
        unlink(batch);
      }
    }
    unlink(batch);
    backend.awaitReplicas(commands, "UNLINK", null);
  }

  private void unlink(List<String> batch) {
    if (!batch.isEmpty()) {
      String[] names = batch.toArray(new String[0]);
      call("UNLINK", null, () -> commands.unlink(names));
      batch.clear();
    }
  }

  @Override
  public Iterator<Object> keys() {
    return keys(Glob.compile("*"));
  }

  @Override
  public Iterator<Object> keys(Glob glob) {
    Iterator<String> names = new ScanNames(commands, keys.serverGlob(glob).toRedisPattern(), failures);
    boolean recheck = !glob.isMatchAll();
    return new Iterator<>() {
      private Object next;

      @Override
      public boolean hasNext() {
        while (next == null && names.hasNext()) {
          Object key = keyOf(names.next());
          if (key != null && (!recheck || glob.matches(String.valueOf(key)))) {
            next = key;
          }
        }
        return next != null;
      }

      @Override
      public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object result = next;
        next = null;
        return result;
      }
    };
  }

  /** Returns the key a name stands for, or null (counted) if it cannot be decoded. */
  private Object keyOf(String name) {
    try {
      return keys.keyOf(name);
    } catch (RuntimeException e) {
      unreadable.record(name, e);
      return null;
    }
  }

  @Override
  public void clear() {
    ScanNames names = new ScanNames(commands, keys.serverGlob(Glob.compile("*")).toRedisPattern(), failures);
    List<String> batch = new ArrayList<>(ScanNames.COUNT);
    while (names.hasNext()) {
      batch.add(names.next());
      if (batch.size() == ScanNames.COUNT) {
        unlink(batch);
      }
    }
    unlink(batch);
    backend.awaitReplicas(commands, "UNLINK", null);
  }

  @Override
  public void close() {
    // the connection belongs to the backend and is closed with it
  }

  private byte[] encode(Object key, long version, Object value, long expiresAt, EntryMeta meta) {
    byte[] payload;
    try {
      payload = backend.serializer().serialize(value);
    } catch (RuntimeException e) {
      throw failures.translate(e, "serialize the value", key);
    }
    byte[] encodedMeta = meta == null ? null : meta.encode(); // once, for the size check and the record
    long size = RecordFormat.size(payload.length, encodedMeta);
    if (size > backend.maxRecordBytes()) {
      throw new StoreException(Kind.CAPACITY, failures.describe("the value of key '" + key + "' takes " + size
          + " bytes, more than the server's proto-max-bulk-len of " + backend.maxRecordBytes()
          + " bytes. Fix: store smaller values, or raise proto-max-bulk-len on the server"));
    }
    return RecordFormat.encode(version, expiresAt, encodedMeta, payload);
  }

  private StoreEntry decode(Object key, byte[] record) {
    if (record == null) {
      return null;
    }
    if (!RecordFormat.isRecord(record)) {
      unreadable.record(key, new IllegalArgumentException("not a lexigram-cache record (format "
          + RecordFormat.FORMAT + " or " + RecordFormat.FORMAT_WITH_META + ")"));
      return null;
    }
    try {
      int offset = RecordFormat.payloadOffset(record);
      Object value = backend.serializer().deserialize(record, offset, record.length - offset);
      return new StoreEntry(value, RecordFormat.version(record), RecordFormat.expiresAt(record),
          RecordFormat.meta(record));
    } catch (RuntimeException e) {
      unreadable.record(key, e);
      return null;
    }
  }

  private static long newVersion() {
    long version;
    do {
      version = ThreadLocalRandom.current().nextLong();
    } while (version == 0);
    return version;
  }

  /**
   * Returns the instant for Redis's {@code PXAT}: the entry's expiry plus {@link #NATIVE_EXPIRY_GRACE_MILLIS},
   * at least 1 (Redis refuses a non-positive one); {@link #NO_NATIVE_EXPIRY} for an eternal entry.
   */
  static long nativeExpiry(long expiresAt) {
    if (expiresAt >= Long.MAX_VALUE - NATIVE_EXPIRY_GRACE_MILLIS) {
      return NO_NATIVE_EXPIRY;
    }
    return Math.max(1L, expiresAt + NATIVE_EXPIRY_GRACE_MILLIS);
  }

  private static byte[] ttlArgument(long expiresAt) {
    long nativeExpiry = nativeExpiry(expiresAt);
    return nativeExpiry == NO_NATIVE_EXPIRY ? NO_TTL : Long.toString(nativeExpiry).getBytes(StandardCharsets.US_ASCII);
  }
}
