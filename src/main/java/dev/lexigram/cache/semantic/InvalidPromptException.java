package dev.lexigram.cache.semantic;

/** A prompt a semantic cache cannot take (empty, or only whitespace); an {@code INVALID_KEY} error. */
public final class InvalidPromptException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidPromptException(String message) {
    super(message);
  }
}
