package dev.lexigram.cache.ext;

/** A glob pattern that cannot be compiled; maps to {@code INVALID_KEY}. */
final class InvalidPatternException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidPatternException(IllegalArgumentException cause) {
    super(cause.getMessage(), cause);
  }
}
