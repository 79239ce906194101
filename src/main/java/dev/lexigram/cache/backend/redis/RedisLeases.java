package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.store.KeyLease;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases of loading a key on Redis: {@code SET name token NX PX ttl} grants one, and the
 * {@code release_lease} script deletes it only while it still holds the holder's random token, so
 * a holder whose lease ran out never releases the next holder's. The lease's name lies outside
 * every cache's namespace ({@code RemoteKeys#leaseNameOf}).
 */
final class RedisLeases {

  private static final Logger LOG = LoggerFactory.getLogger(RedisLeases.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 16;

  private final RedisClusterCommands<String, byte[]> commands;
  private final RedisScript release;

  RedisLeases(RedisClusterCommands<String, byte[]> commands, RedisScript release) {
    this.commands = commands;
    this.release = release;
  }

  /** Returns the lease of the name for ttlMillis, or null if another holder has it; throws the client's failures. */
  KeyLease tryLease(String name, long ttlMillis) {
    byte[] token = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(token);
    String reply = commands.set(name, token, SetArgs.Builder.nx().px(Math.max(1L, ttlMillis)));
    if (!"OK".equals(reply)) {
      return null;
    }
    return () -> release(name, token);
  }

  private void release(String name, byte[] token) {
    try {
      release.run(commands, name, token);
    } catch (RuntimeException e) {
      // the lease runs out on its own; a release that failed only delays the next holder
      LOG.debug("Could not release the Redis lease '{}': {}", name, e.toString());
    }
  }
}
