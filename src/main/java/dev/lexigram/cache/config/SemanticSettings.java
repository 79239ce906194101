package dev.lexigram.cache.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One validated entry of {@code cache.semantic}: a semantic cache of LLM answers on a backend.
 * YAML: {@code semantic: { answers: { backend: shared, threshold: 0.92 } }}.
 *
 * @param name the cache's name (the key under {@code semantic:}); non-null
 * @param backend the backend its answers live on; null means the default backend
 * @param threshold the least cosine similarity a semantic hit needs (policy {@code threshold})
 * @param model {@code all-minilm-l6-v2-q}, or the class name of a langchain4j {@code EmbeddingModel}
 *     with a public no-argument constructor; non-null
 * @param ttl how long a stored answer lives; null means the backend's default expiry
 * @param maxEntries how many prompts each process's index holds at most
 * @param syncInterval how old a process's view of the other processes' answers may be before a
 *     lookup brings it up to date
 * @param policy how a near prompt is accepted
 * @param accuracyWeight the cost-aware rule's weight of accuracy, in {@code [0, 1]}
 * @param costPer1kTokens the price, in dollars per 1000 tokens, of a request that gives no cost
 * @param expectedTokens the tokens a fresh answer takes, for a request that gives no cost
 * @param minSimilarity the least similarity the cost-aware policy ever accepts
 * @param maxErrorRate the wrong-hit rate the error budget keeps each partition within, in
 *     {@code (0, 1)}; null turns the budget off
 * @param guards whether numbers, negations and opposites must agree for a semantic hit
 * @param maxPromptChars the longest prompt (in characters) a model other than the default embeds
 */
public record SemanticSettings(String name, String backend, double threshold, String model, Duration ttl,
    int maxEntries, Duration syncInterval, Policy policy, double accuracyWeight, double costPer1kTokens,
    long expectedTokens, double minSimilarity, Double maxErrorRate, boolean guards, int maxPromptChars) {

  /** The default embedding model. */
  public static final String DEFAULT_MODEL = "all-minilm-l6-v2-q";
  public static final double DEFAULT_THRESHOLD = 0.92;
  public static final int DEFAULT_MAX_ENTRIES = 100_000;
  public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofMillis(500);
  public static final double DEFAULT_ACCURACY_WEIGHT = 0.7;
  public static final double DEFAULT_COST_PER_1K_TOKENS = 0.03;
  public static final long DEFAULT_EXPECTED_TOKENS = 500;
  public static final double DEFAULT_MIN_SIMILARITY = 0.85;
  public static final int DEFAULT_MAX_PROMPT_CHARS = 1000;

  /** How a semantic cache accepts the nearest stored prompt. */
  public enum Policy {
    /** At or above {@code threshold}. */
    THRESHOLD,
    /** By the reference's cost-aware rule, never below {@code min_similarity}. */
    COST_AWARE
  }

  public SemanticSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(syncInterval, "syncInterval");
    Objects.requireNonNull(policy, "policy");
  }

  /** Returns the settings of a semantic cache declared with nothing but its name. */
  public static SemanticSettings defaults(String name) {
    return new SemanticSettings(name, null, DEFAULT_THRESHOLD, DEFAULT_MODEL, null, DEFAULT_MAX_ENTRIES,
        DEFAULT_SYNC_INTERVAL, Policy.THRESHOLD, DEFAULT_ACCURACY_WEIGHT, DEFAULT_COST_PER_1K_TOKENS,
        DEFAULT_EXPECTED_TOKENS, DEFAULT_MIN_SIMILARITY, null, true, DEFAULT_MAX_PROMPT_CHARS);
  }

  /** Returns what a fresh answer costs by these settings, for a request that gives none. */
  public double defaultCost() {
    return costPer1kTokens * expectedTokens / 1000.0;
  }
}
