package dev.lexigram.cache.backend.memory;

import dev.lexigram.cache.store.LockStore;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The locks of a memory backend: held in this process only, in one map of named states, each
 * changed atomically ({@link ConcurrentHashMap#compute}). A released lock keeps its last token,
 * so tokens only grow. Leases are measured on {@link System#nanoTime()}.
 */
final class InProcessLocks implements LockStore {

  /** One name's state: its holder (null when free), its last token, when the lease ends. */
  private record State(String owner, long token, long endsAtNanos) {
    boolean heldBy(String candidate, long now) {
      return owner != null && owner.equals(candidate) && now - endsAtNanos < 0;
    }

    boolean isFree(long now) {
      return owner == null || now - endsAtNanos >= 0;
    }
  }

  private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

  @Override
  public long tryAcquire(String name, String owner, long leaseMillis) {
    long now = System.nanoTime();
    State state = states.compute(name, (key, current) -> {
      if (current != null && !current.isFree(now)) {
        return current;
      }
      long token = current == null ? 1 : current.token() + 1;
      return new State(owner, token, now + TimeUnit.MILLISECONDS.toNanos(leaseMillis));
    });
    return owner.equals(state.owner()) && state.endsAtNanos() - now > 0 ? state.token() : 0;
  }

  @Override
  public boolean release(String name, String owner) {
    long now = System.nanoTime();
    boolean[] released = {false};
    states.computeIfPresent(name, (key, current) -> {
      if (!current.heldBy(owner, now)) {
        return current;
      }
      released[0] = true;
      return new State(null, current.token(), now);
    });
    return released[0];
  }

  @Override
  public boolean extend(String name, String owner, long leaseMillis) {
    long now = System.nanoTime();
    boolean[] extended = {false};
    states.computeIfPresent(name, (key, current) -> {
      if (!current.heldBy(owner, now)) {
        return current;
      }
      extended[0] = true;
      return new State(owner, current.token(), now + TimeUnit.MILLISECONDS.toNanos(leaseMillis));
    });
    return extended[0];
  }
}
