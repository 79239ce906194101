package dev.lexigram.cache.semantic.embed;

/** The embedding model could not be loaded or failed on a prompt; the message says how to fix it. */
public final class EmbeddingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmbeddingException(String message) {
    super(message);
  }

  public EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }
}
