package dev.lexigram.cache.semantic.embed;

/**
 * Turns a prompt into the vector the semantic tier compares, and names the model that made it:
 * vectors of two different {@link #modelId() model ids} are never compared.
 *
 * <p>Implementations are thread-safe.
 */
public interface Embedder {

  /**
   * Returns the model's identity as stored with every vector: its name, version and dimension,
   * e.g. {@code all-minilm-l6-v2-q@1.19.0-beta29/384}. Never null.
   */
  String modelId();

  /** Returns the length of every vector {@link #embed} returns. */
  int dimension();

  /**
   * Returns whether the model sees the whole prompt. A prompt longer than the model's window
   * would be cut or averaged by the model, so that two long prompts that differ only past the
   * window look alike; the semantic tier leaves such prompts to the exact tier.
   */
  boolean fits(String prompt);

  /**
   * Returns the prompt's embedding, {@link #dimension()} long.
   *
   * @throws EmbeddingException if the model fails or returns a vector of another length
   */
  float[] embed(String prompt);
}
