package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.store.LockStore;
import dev.lexigram.cache.store.RemoteKeys;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Named locks on Redis. A lock is the key {@code {<prefix>::lock:<name>}} holding its owner, with
 * a {@code PX} lease; its fencing counter is {@code {<prefix>::lock:<name>}:fence}, which the
 * {@code lock_acquire} script increments in the same step that grants the lock (both names carry
 * the lock's hash tag, so they share a slot on a cluster). Release and extend are owner-checked
 * scripts. The counter never expires: under an {@code allkeys-*} eviction policy Redis could
 * evict it and restart the tokens (see docs/locks.md).
 */
final class RedisLocks implements LockStore {

  private final RedisClusterCommands<String, byte[]> commands;
  private final RedisFailures failures;
  private final String prefix;
  private final RedisScript acquire;
  private final RedisScript release;
  private final RedisScript extend;

  RedisLocks(RedisClusterCommands<String, byte[]> commands, RedisFailures failures, String keyPrefix,
      RedisScript acquire, RedisScript release, RedisScript extend) {
    this.commands = commands;
    this.failures = failures;
    this.prefix = keyPrefix == null ? RemoteKeys.DEFAULT_PREFIX : keyPrefix;
    this.acquire = acquire;
    this.release = release;
    this.extend = extend;
  }

  private String lockName(String name) {
    return "{" + prefix + "::lock:" + name + "}";
  }

  @Override
  public long tryAcquire(String name, String owner, long leaseMillis) {
    String lock = lockName(name);
    return call("lock acquire", name, () -> acquire.runOn(commands, new String[] {lock, lock + ":fence"},
        bytes(owner), bytes(Long.toString(Math.max(1, leaseMillis)))));
  }

  @Override
  public boolean release(String name, String owner) {
    return call("lock release", name, () -> release.run(commands, lockName(name), bytes(owner))) == 1L;
  }

  @Override
  public boolean extend(String name, String owner, long leaseMillis) {
    return call("lock extend", name, () -> extend.run(commands, lockName(name), bytes(owner),
        bytes(Long.toString(Math.max(1, leaseMillis))))) == 1L;
  }

  private long call(String operation, String name, Supplier<Long> command) {
    try {
      return command.get();
    } catch (RuntimeException e) {
      throw failures.translate(e, operation, "lock " + name);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
