package dev.lexigram.cache.tag;

/** A tag (or set of tags) the cache cannot use: blank, too long, with control characters, too many. */
public final class InvalidTagException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidTagException(String message) {
    super(message);
  }
}
