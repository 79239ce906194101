package dev.lexigram.cache.stampede;

import javax.cache.CacheException;

/**
 * Thrown to a caller that was interrupted while it waited for another caller's load of the same
 * key. The caller's interrupt flag is set again before this is thrown.
 */
public final class LoadInterrupted extends CacheException {

  private static final long serialVersionUID = 1L;

  LoadInterrupted(String message, Throwable cause) {
    super(message, cause);
  }
}
