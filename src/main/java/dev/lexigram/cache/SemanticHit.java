package dev.lexigram.cache;

import java.util.Objects;

/**
 * A stored answer that a {@link SemanticCache} found for a prompt.
 *
 * @param answer the stored answer; never null
 * @param similarity the cosine similarity of the prompt and the stored prompt: 1 for an exact hit
 * @param tier which tier answered
 * @param storedPrompt the stored prompt that answered, normalized; never null
 * @param partition the partition searched ({@code ""} for the default one); never null
 */
public record SemanticHit(String answer, double similarity, Tier tier, String storedPrompt, String partition) {

  /** The tier that answered a lookup. */
  public enum Tier {
    /** The normalized prompt was stored as it is. */
    EXACT,
    /** A stored prompt of the same partition was near enough. */
    SEMANTIC
  }

  public SemanticHit {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(storedPrompt, "storedPrompt");
    Objects.requireNonNull(partition, "partition");
  }
}
