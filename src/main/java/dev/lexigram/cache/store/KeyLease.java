package dev.lexigram.cache.store;

/**
 * The lease of loading one key ({@link Store#tryLease}): while it is held, no other caller in any
 * process that shares the store's backend gets it. It ends when released or when its time runs out.
 */
@FunctionalInterface
public interface KeyLease {

  /** The lease of a store that no other process shares: granted at once, released by doing nothing. */
  KeyLease LOCAL = () -> { };

  /**
   * Gives the lease up if this holder still holds it; a lease whose time ran out and that another
   * holder took since is left alone. Never throws: a lease that cannot be released runs out.
   */
  void release();
}
