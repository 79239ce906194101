package dev.lexigram.cache.semantic.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Objects;

/**
 * An {@link Embedder} over any langchain4j {@link EmbeddingModel}: the SPI through which every
 * model langchain4j supports plugs in. A prompt fits when it has at most {@code maxChars}
 * characters, since a model of unknown tokenizer cannot be asked how many tokens a prompt has.
 */
public final class LangchainEmbedder implements Embedder {
  private final EmbeddingModel model;
  private final String modelId;
  private final int dimension;
  private final int maxChars;
  private final WindowCheck window;

  /** Says whether the model sees the whole prompt. */
  @FunctionalInterface
  public interface WindowCheck {
    boolean fits(String prompt);
  }

  /**
   * @param model the model; its {@code dimension()} is read once, here
   * @param name the model's name and version as stored with each vector
   * @param window whether a prompt fits the model's window
   */
  public LangchainEmbedder(EmbeddingModel model, String name, WindowCheck window) {
    this(model, name, window, -1);
  }

  /** A model of unknown tokenizer: a prompt fits when it has at most {@code maxChars} characters. */
  public LangchainEmbedder(EmbeddingModel model, String name, int maxChars) {
    this(model, name, prompt -> prompt.length() <= maxChars, maxChars);
  }

  private LangchainEmbedder(EmbeddingModel model, String name, WindowCheck window, int maxChars) {
    this.model = Objects.requireNonNull(model, "model");
    this.dimension = model.dimension();
    this.modelId = name + "/" + dimension;
    this.window = Objects.requireNonNull(window, "window");
    this.maxChars = maxChars;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public boolean fits(String prompt) {
    return window.fits(prompt);
  }

  @Override
  public float[] embed(String prompt) {
    float[] vector;
    try {
      vector = model.embed(prompt).content().vector();
    } catch (RuntimeException e) {
      throw new EmbeddingException("The embedding model " + modelId + " failed: " + e.getMessage(), e);
    }
    if (vector == null || vector.length != dimension) {
      throw new EmbeddingException("The embedding model " + modelId + " returned a vector of "
          + (vector == null ? "null" : vector.length + " floats") + ", not " + dimension);
    }
    return vector;
  }

  @Override
  public String toString() {
    return modelId + (maxChars < 0 ? "" : " (prompts up to " + maxChars + " characters)");
  }
}
