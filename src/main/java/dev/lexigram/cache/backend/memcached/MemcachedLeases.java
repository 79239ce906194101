package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.store.KeyLease;
import dev.lexigram.cache.store.RemoteKeys;
import java.security.SecureRandom;
import java.util.Arrays;
import net.spy.memcached.CASValue;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.internal.OperationFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases of loading a key on memcached: {@code add} of an item holding the holder's random token
 * grants one (its exptime, in whole seconds rounded up, ends it), and release reads the item with
 * {@code gets} and deletes it with the binary protocol's CAS-guarded delete only while it still
 * holds that token, so a holder whose lease ran out never releases the next holder's. The item's
 * name lies outside every cache's namespace ({@link RemoteKeys#leaseNameOf}), hashed when memcached
 * cannot hold it as it is.
 */
final class MemcachedLeases {

  private static final Logger LOG = LoggerFactory.getLogger(MemcachedLeases.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 16;

  private final MemcachedClient client;
  private final Calls calls;

  MemcachedLeases(MemcachedClient client, Calls calls) {
    this.client = client;
    this.calls = calls;
  }

  /** Returns the item name of a lease's full name. */
  static String itemOf(String leaseName) {
    return ItemNames.isValid(leaseName) ? leaseName : "#lease:" + ItemNames.hash(leaseName);
  }

  /** Returns the lease of the item for ttlMillis, or null if another holder has it. */
  KeyLease tryLease(String item, long ttlMillis) {
    byte[] token = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(token);
    int seconds = (int) Math.max(1L, (ttlMillis + 999) / 1000);
    OperationFuture<Boolean> add = calls.issue("add (lease)", item,
        () -> client.add(item, seconds, token, BytesTranscoder.INSTANCE));
    if (!Boolean.TRUE.equals(calls.await(add, "add (lease)", item))) {
      return null; // NOT_STORED / EXISTS: another holder has it
    }
    return () -> release(item, token);
  }

  private void release(String item, byte[] token) {
    try {
      CASValue<byte[]> current = calls.call("gets (lease)", item, () -> client.asyncGets(item, BytesTranscoder.INSTANCE));
      if (current != null && Arrays.equals(current.getValue(), token)) {
        calls.await(calls.issue("delete (lease)", item, () -> client.delete(item, current.getCas())), "delete (lease)", item);
      }
    } catch (RuntimeException e) {
      // the lease runs out on its own; a release that failed only delays the next holder
      LOG.debug("Could not release the memcached lease '{}': {}", item, e.toString());
    }
  }
}
