package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.store.RemoteKeys;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import dev.lexigram.cache.store.TagStore;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tag versions on Redis. A tag's version is the string {@code <prefix>::tag:<tag>} holding the
 * version as 8 bytes big-endian, with no expiry; the names carry no hash tag, so on a cluster the
 * tags spread over every master. Outside every cache's namespace ({@code <prefix>:<cache>:}), no
 * clear or enumeration of a cache meets them.
 *
 * <p>{@link #versions} is one {@code MGET} (on a cluster, one per slot, sent together by Lettuce).
 * {@link #versionsCreating} reads the same way, then pipelines {@code SET NX} of a new version for
 * each missing tag and reads again, with one more {@code MGET}, the tags whose {@code NX} lost to
 * another process. {@link #invalidate} pipelines one {@code SET} per tag. Pipelines wait for every
 * reply within the backend's timeout; with {@code replica_acks} every write is followed by
 * {@code WAIT}.
 *
 * <p>A value that is not 8 bytes, or is 0, is not a version of ours: it reads as missing, and
 * {@link #versionsCreating} replaces it with a plain {@code SET} (not {@code NX}, which it would
 * lose). That overwrite, like any other, can only make entries written with the old value read as
 * absent, since a version is never reused.
 */
final class RedisTags implements TagStore {

  private static final int VERSION_BYTES = Long.BYTES;

  private final RedisBackend backend;
  private final RedisFailures failures;
  private final String prefix;

  RedisTags(RedisBackend backend, String keyPrefix) {
    this.backend = backend;
    this.failures = backend.failures();
    this.prefix = keyPrefix == null ? RemoteKeys.DEFAULT_PREFIX : keyPrefix;
  }

  /** Returns the server-side name of a tag's version. */
  String nameOf(String tag) {
    return prefix + "::tag:" + tag;
  }

  @Override
  public Map<String, Long> versions(Collection<String> tags) {
    Map<String, Long> found = new HashMap<>();
    read(distinct(tags), found, new ArrayList<>(), new ArrayList<>());
    return found;
  }

  @Override
  public Map<String, Long> versionsCreating(Collection<String> tags) {
    Map<String, Long> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    read(distinct(tags), found, missing, unreadable);
    if (missing.isEmpty() && unreadable.isEmpty()) {
      return found;
    }
    List<String> lost = create(missing, unreadable, found);
    if (!lost.isEmpty()) {
      List<String> gone = new ArrayList<>();
      read(lost, found, gone, gone);
      // deleted or overwritten with something unreadable since our NX lost: overwrite it (see the class comment)
      create(List.of(), gone, found);
    }
    backend.awaitReplicas(backend.sync(), "SET (tag versions)", null);
    return found;
  }

  @Override
  public void invalidate(Collection<String> tags) {
    List<String> asked = distinct(tags);
    if (asked.isEmpty()) {
      return;
    }
    call("SET of " + asked.size() + " new tag versions (pipelined)", asked.get(0), () -> {
      RedisClusterAsyncCommands<String, byte[]> async = backend.async();
      List<RedisFuture<String>> replies = new ArrayList<>(asked.size());
      for (String tag : asked) {
        replies.add(async.set(nameOf(tag), bytes(TagStore.newVersion())));
      }
      awaitAll(replies, "SET of " + asked.size() + " new tag versions");
      return null;
    });
    backend.awaitReplicas(backend.sync(), "SET (tag versions)", null);
  }

  /**
   * Reads the tags' versions with one {@code MGET}: each readable one goes to {@code found}, each
   * tag without a value to {@code missing}, each with a value that is no version to {@code unreadable}.
   */
  private void read(List<String> tags, Map<String, Long> found, List<String> missing, List<String> unreadable) {
    if (tags.isEmpty()) {
      return;
    }
    String[] names = tags.stream().map(this::nameOf).toArray(String[]::new);
    List<KeyValue<String, byte[]>> values = call("MGET of " + tags.size() + " tag versions", tags.get(0),
        () -> backend.sync().mget(names));
    for (int i = 0; i < tags.size(); i++) {
      KeyValue<String, byte[]> value = values.get(i);
      if (!value.hasValue()) {
        missing.add(tags.get(i));
        continue;
      }
      long version = versionOf(value.getValue());
      if (version == 0) {
        unreadable.add(tags.get(i));
      } else {
        found.put(tags.get(i), version);
      }
    }
  }

  /** One new version sent for a tag, and the reply to its {@code SET}. */
  private record Proposal(String tag, long version, RedisFuture<String> reply) {}

  /**
   * Gives each missing tag a new version with {@code SET NX} and each unreadable one with a plain
   * {@code SET}, in one pipeline; the versions written go to {@code found}.
   *
   * @return the missing tags whose {@code NX} lost: another process gave them a version meanwhile
   */
  private List<String> create(List<String> missing, List<String> unreadable, Map<String, Long> found) {
    int count = missing.size() + unreadable.size();
    if (count == 0) {
      return List.of();
    }
    String operation = "SET NX of " + count + " new tag versions";
    String first = missing.isEmpty() ? unreadable.get(0) : missing.get(0);
    List<Proposal> proposals = call(operation + " (pipelined)", first, () -> {
      RedisClusterAsyncCommands<String, byte[]> async = backend.async();
      List<Proposal> sent = new ArrayList<>(count);
      for (String tag : missing) {
        long version = TagStore.newVersion();
        sent.add(new Proposal(tag, version, async.set(nameOf(tag), bytes(version), SetArgs.Builder.nx())));
      }
      for (String tag : unreadable) {
        long version = TagStore.newVersion();
        sent.add(new Proposal(tag, version, async.set(nameOf(tag), bytes(version))));
      }
      awaitAll(sent.stream().map(Proposal::reply).toList(), operation);
      return sent;
    });
    List<String> lost = new ArrayList<>();
    for (Proposal proposal : proposals) {
      // a SET NX that finds the key answers nil
      String reply = call(operation, proposal.tag(), () -> proposal.reply().toCompletableFuture().join());
      if (reply == null) {
        lost.add(proposal.tag());
      } else {
        found.put(proposal.tag(), proposal.version());
      }
    }
    return lost;
  }

  private void awaitAll(List<? extends RedisFuture<?>> replies, String operation) {
    if (!LettuceFutures.awaitAll(backend.timeout(), replies.toArray(new RedisFuture<?>[0]))) {
      throw new StoreException(Kind.TIMEOUT, failures.describe(operation + " did not finish within "
          + backend.timeout()));
    }
  }

  private <T> T call(String operation, String tag, Supplier<T> command) {
    try {
      return command.get();
    } catch (RuntimeException e) {
      throw failures.translate(e, operation, nameOf(tag));
    }
  }

  private static List<String> distinct(Collection<String> tags) {
    return new ArrayList<>(new LinkedHashSet<>(tags));
  }

  private static byte[] bytes(long version) {
    return RecordFormat.longBytes(version);
  }

  /** Returns the version a value holds, or 0 when it holds none. */
  private static long versionOf(byte[] value) {
    return value.length == VERSION_BYTES ? ByteBuffer.wrap(value).getLong() : 0;
  }
}
