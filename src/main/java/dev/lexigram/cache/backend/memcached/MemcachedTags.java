package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.store.RemoteKeys;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.TagStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.internal.BulkFuture;
import net.spy.memcached.internal.OperationFuture;
import net.spy.memcached.ops.StatusCode;

/**
 * Tag versions on memcached. A tag's version is the item {@code <prefix>::tag:<tag>} holding the
 * version as 8 bytes big-endian, with exptime 0; a name memcached cannot hold (too long, spaces,
 * control or non-ASCII characters) becomes {@code #tag:} + the SHA-256 of the full name
 * ({@link ItemNames#hash}). Two tags whose names share a hash would share a version, which can only
 * cost misses. Outside every cache's namespace ({@code <prefix>:<cache>:}), no clear or
 * enumeration of a cache meets them. Memcached may evict a version under memory pressure: the tag
 * then reads as missing, so its entries read as absent, which is the safe side.
 *
 * <p>{@link #versions} is one multi-get (one packet per server). {@link #versionsCreating} reads
 * the same way, then pipelines {@code add} of a new version for each missing tag and reads again,
 * in one multi-get, the tags whose {@code add} lost to another process. {@link #invalidate}
 * pipelines one {@code set} per tag. Pipelines issue every call, then wait for each within the
 * backend's timeout.
 *
 * <p>A value that is not 8 bytes, or is 0, is not a version of ours: it reads as missing, and
 * {@link #versionsCreating} replaces it with a plain {@code set} (not {@code add}, which it would
 * lose). That overwrite, like any other, can only make entries written with the old value read as
 * absent, since a version is never reused.
 */
final class MemcachedTags implements TagStore {

  private static final int VERSION_BYTES = Long.BYTES;
  private static final int NEVER_EXPIRES = 0;

  private final MemcachedClient client;
  private final MemcachedClient reads;
  private final Calls calls;
  private final String prefix;

  /**
   * @param client the backend's client for writes
   * @param reads the backend's client for gets and multi-gets only
   */
  MemcachedTags(MemcachedClient client, MemcachedClient reads, Calls calls, String keyPrefix) {
    this.client = client;
    this.reads = reads;
    this.calls = calls;
    this.prefix = keyPrefix == null ? RemoteKeys.DEFAULT_PREFIX : keyPrefix;
  }

  /** Returns the item name of a tag's version. */
  String itemOf(String tag) {
    String full = prefix + "::tag:" + tag;
    return ItemNames.isValid(full) ? full : "#tag:" + ItemNames.hash(full);
  }

  @Override
  public Map<String, Long> versions(Collection<String> tags) {
    Map<String, Long> found = new HashMap<>();
    read(itemsOf(tags), found, new ArrayList<>(), new ArrayList<>());
    return found;
  }

  @Override
  public Map<String, Long> versionsCreating(Collection<String> tags) {
    Map<String, String> items = itemsOf(tags);
    Map<String, Long> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    read(items, found, missing, unreadable);
    if (missing.isEmpty() && unreadable.isEmpty()) {
      return found;
    }
    List<String> lost = create(items, missing, unreadable, found);
    if (!lost.isEmpty()) {
      List<String> gone = new ArrayList<>();
      read(subset(items, lost), found, gone, gone);
      // deleted, evicted or overwritten with something unreadable since our add lost: overwrite it
      create(items, List.of(), gone, found);
    }
    return found;
  }

  @Override
  public void invalidate(Collection<String> tags) {
    Map<String, String> items = itemsOf(tags);
    Map<String, OperationFuture<Boolean>> pipeline = new LinkedHashMap<>();
    items.forEach((tag, item) -> pipeline.put(tag, calls.issue("set (tag version)", item,
        () -> client.set(item, NEVER_EXPIRES, bytes(TagStore.newVersion()), BytesTranscoder.INSTANCE))));
    StoreException failure = null;
    for (Map.Entry<String, OperationFuture<Boolean>> call : pipeline.entrySet()) {
      try {
        requireSuccess(call.getValue(), "set (tag version)", items.get(call.getKey()));
      } catch (StoreException e) {
        failure = firstOf(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Returns the item name of each distinct tag, by tag, in the order given. */
  private Map<String, String> itemsOf(Collection<String> tags) {
    Map<String, String> items = new LinkedHashMap<>();
    for (String tag : tags) {
      items.computeIfAbsent(tag, this::itemOf);
    }
    return items;
  }

  private static Map<String, String> subset(Map<String, String> items, List<String> tags) {
    Map<String, String> subset = new LinkedHashMap<>();
    tags.forEach(tag -> subset.put(tag, items.get(tag)));
    return subset;
  }

  /**
   * Reads the tags' versions (by tag, with their item names) in one multi-get: each readable one
   * goes to {@code found}, each tag without an item to {@code missing}, each with an item that is no
   * version to {@code unreadable}.
   */
  private void read(Map<String, String> items, Map<String, Long> found, List<String> missing,
      List<String> unreadable) {
    if (items.isEmpty()) {
      return;
    }
    Map<String, byte[]> answered = getBulk(items.values());
    items.forEach((tag, item) -> {
      byte[] value = answered.get(item);
      long version = value == null ? 0 : versionOf(value);
      if (version != 0) {
        found.put(tag, version);
      } else {
        (value == null ? missing : unreadable).add(tag);
      }
    });
  }

  private Map<String, byte[]> getBulk(Collection<String> items) {
    String operation = "get of " + items.size() + " tag versions, starting with";
    String first = items.iterator().next();
    BulkFuture<Map<String, byte[]>> future = calls.issue(operation, first,
        () -> reads.asyncGetBulk(items, BytesTranscoder.INSTANCE));
    Map<String, byte[]> answered = calls.await(future, operation, first);
    if (answered.size() < items.size()) {
      calls.requireAnswered(future.getStatus(), operation, first);
    }
    return answered;
  }

  /**
   * Gives each missing tag a new version with {@code add} and each unreadable one with a plain
   * {@code set}, issuing all before waiting for any; the versions written go to {@code found}.
   *
   * @return the missing tags whose {@code add} lost: another process gave them a version meanwhile
   */
  private List<String> create(Map<String, String> items, List<String> missing, List<String> unreadable,
      Map<String, Long> found) {
    Map<String, Long> proposed = new HashMap<>();
    Map<String, OperationFuture<Boolean>> adds = new LinkedHashMap<>();
    Map<String, OperationFuture<Boolean>> sets = new LinkedHashMap<>();
    for (String tag : missing) {
      String item = items.get(tag);
      long version = TagStore.newVersion();
      proposed.put(tag, version);
      adds.put(tag, calls.issue("add (tag version)", item,
          () -> client.add(item, NEVER_EXPIRES, bytes(version), BytesTranscoder.INSTANCE)));
    }
    for (String tag : unreadable) {
      String item = items.get(tag);
      long version = TagStore.newVersion();
      proposed.put(tag, version);
      sets.put(tag, calls.issue("set (tag version)", item,
          () -> client.set(item, NEVER_EXPIRES, bytes(version), BytesTranscoder.INSTANCE)));
    }
    List<String> lost = new ArrayList<>();
    StoreException failure = null;
    for (Map.Entry<String, OperationFuture<Boolean>> add : adds.entrySet()) {
      try {
        if (added(add.getValue(), items.get(add.getKey()))) {
          found.put(add.getKey(), proposed.get(add.getKey()));
        } else {
          lost.add(add.getKey());
        }
      } catch (StoreException e) {
        failure = firstOf(failure, e);
      }
    }
    for (Map.Entry<String, OperationFuture<Boolean>> set : sets.entrySet()) {
      try {
        requireSuccess(set.getValue(), "set (tag version)", items.get(set.getKey()));
        found.put(set.getKey(), proposed.get(set.getKey()));
      } catch (StoreException e) {
        failure = firstOf(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return lost;
  }

  /** Returns whether the {@code add} stored the item, false when the item existed already. */
  private boolean added(OperationFuture<Boolean> add, String item) {
    if (Boolean.TRUE.equals(calls.await(add, "add (tag version)", item))) {
      return true;
    }
    StatusCode code = add.getStatus().getStatusCode();
    if (code == StatusCode.ERR_EXISTS || code == StatusCode.ERR_NOT_STORED) {
      return false;
    }
    throw calls.refused(add.getStatus(), "add (tag version)", item);
  }

  private void requireSuccess(OperationFuture<Boolean> future, String operation, String item) {
    if (!Boolean.TRUE.equals(calls.await(future, operation, item))) {
      throw calls.refused(future.getStatus(), operation, item);
    }
  }

  /** Returns the first failure of a pipeline, with the later one suppressed in it. */
  private static StoreException firstOf(StoreException first, StoreException later) {
    if (first == null) {
      return later;
    }
    first.addSuppressed(later);
    return first;
  }

  private static byte[] bytes(long version) {
    return ByteBuffer.allocate(VERSION_BYTES).putLong(version).array();
  }

  /** Returns the version an item holds, or 0 when it holds none. */
  private static long versionOf(byte[] value) {
    return value.length == VERSION_BYTES ? ByteBuffer.wrap(value).getLong() : 0;
  }
}
