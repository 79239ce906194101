package dev.lexigram.cache.breaker;

import dev.lexigram.cache.store.TagStore;
import java.util.Collection;
import java.util.Map;

/**
 * A backend's tag versions behind the same {@link CircuitBreaker} as its stores: while the circuit
 * is open, a read of a tagged entry that needs the versions fails at once instead of waiting for
 * the timeout, and an invalidation fails at once (kind CONNECTION) instead of hanging.
 */
public final class BreakingTags implements TagStore {

  private final TagStore delegate;
  private final CircuitBreaker breaker;

  public BreakingTags(TagStore delegate, CircuitBreaker breaker) {
    this.delegate = delegate;
    this.breaker = breaker;
  }

  @Override
  public Map<String, Long> versions(Collection<String> tags) {
    return breaker.call("read tag versions", () -> delegate.versions(tags));
  }

  @Override
  public Map<String, Long> versionsCreating(Collection<String> tags) {
    return breaker.call("create tag versions", () -> delegate.versionsCreating(tags));
  }

  @Override
  public void invalidate(Collection<String> tags) {
    breaker.run("invalidate tags", () -> delegate.invalidate(tags));
  }
}
