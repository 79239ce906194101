package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.store.LockStore;
import dev.lexigram.cache.store.RemoteKeys;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import net.spy.memcached.CASResponse;
import net.spy.memcached.CASValue;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.internal.OperationFuture;

/**
 * Named locks on memcached. A lock is one item, {@code <prefix>::lock:<name>} (hashed when
 * memcached cannot hold the name), that never expires and holds {@code owner \n token \n endsAt}:
 * its holder (empty when free), its last fencing token and when the lease ends (epoch
 * milliseconds). Every change reads the item with {@code gets} and writes it with {@code cas} (the
 * first grant with {@code add}), so a grant and its token are one atomic step, and the token of a
 * released lock stays for the next grant. The lease is judged on each process's wall clock (see
 * docs/locks.md for skew), and memcached may evict the item under memory pressure, which restarts
 * the tokens.
 */
final class MemcachedLocks implements LockStore {

  /** Tries of a grant or change that other writers keep getting in front of. */
  private static final int ATTEMPTS = 16;

  private final MemcachedClient client;
  private final Calls calls;
  private final String prefix;

  MemcachedLocks(MemcachedClient client, Calls calls, String keyPrefix) {
    this.client = client;
    this.calls = calls;
    this.prefix = keyPrefix == null ? RemoteKeys.DEFAULT_PREFIX : keyPrefix;
  }

  /** One lock's state as stored. */
  private record State(String owner, long token, long endsAt) {
    static State parse(byte[] item) {
      String[] fields = new String(item, StandardCharsets.UTF_8).split("\n", -1);
      if (fields.length != 3) {
        throw new IllegalArgumentException("not a lock item");
      }
      return new State(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2]));
    }

    byte[] bytes() {
      return (owner + "\n" + token + "\n" + endsAt).getBytes(StandardCharsets.UTF_8);
    }

    boolean heldBy(String candidate, long now) {
      return owner.equals(candidate) && endsAt > now;
    }

    boolean isFree(long now) {
      return owner.isEmpty() || endsAt <= now;
    }
  }

  private String itemOf(String name) {
    String full = prefix + "::lock:" + name;
    return ItemNames.isValid(full) ? full : "#lock:" + ItemNames.hash(full);
  }

  @Override
  public long tryAcquire(String name, String owner, long leaseMillis) {
    String item = itemOf(name);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      long now = System.currentTimeMillis();
      CASValue<byte[]> current = gets(item);
      if (current == null) {
        State first = new State(owner, 1, now + leaseMillis);
        OperationFuture<Boolean> add = calls.issue("add (lock)", item,
            () -> client.add(item, 0, first.bytes(), BytesTranscoder.INSTANCE));
        if (Boolean.TRUE.equals(calls.await(add, "add (lock)", item))) {
          return 1;
        }
        continue; // another process added it first: read it again
      }
      State state = stateOf(current);
      if (!state.isFree(now)) {
        return 0;
      }
      State granted = new State(owner, state.token() + 1, now + leaseMillis);
      if (cas(item, current.getCas(), granted)) {
        return granted.token();
      }
    }
    return 0;
  }

  @Override
  public boolean release(String name, String owner) {
    return change(name, owner, state -> new State("", state.token(), 0));
  }

  @Override
  public boolean extend(String name, String owner, long leaseMillis) {
    return change(name, owner, state -> new State(owner, state.token(), System.currentTimeMillis() + leaseMillis));
  }

  private boolean change(String name, String owner, UnaryOperator<State> next) {
    String item = itemOf(name);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      CASValue<byte[]> current = gets(item);
      if (current == null) {
        return false;
      }
      State state = stateOf(current);
      if (!state.heldBy(owner, System.currentTimeMillis())) {
        return false;
      }
      if (cas(item, current.getCas(), next.apply(state))) {
        return true;
      }
    }
    return false;
  }

  private CASValue<byte[]> gets(String item) {
    return calls.call("gets (lock)", item, () -> client.asyncGets(item, BytesTranscoder.INSTANCE));
  }

  private State stateOf(CASValue<byte[]> current) {
    try {
      return State.parse(current.getValue());
    } catch (RuntimeException e) {
      // not ours (a foreign value under the name): treat it as a free lock whose tokens start over
      return new State("", 0, 0);
    }
  }

  private boolean cas(String item, long cas, State state) {
    OperationFuture<CASResponse> future = calls.issue("cas (lock)", item,
        () -> client.asyncCAS(item, cas, 0, state.bytes(), BytesTranscoder.INSTANCE));
    return calls.await(future, "cas (lock)", item) == CASResponse.OK;
  }
}
