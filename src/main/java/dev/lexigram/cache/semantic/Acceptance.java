package dev.lexigram.cache.semantic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lexigram.cache.config.SemanticSettings;
import dev.lexigram.cache.config.SemanticSettings.Policy;

/**
 * Decides whether the nearest stored prompt answers a lookup.
 * <ul>
 *   <li>Policy {@code threshold}: its similarity is at least the threshold.
 *   <li>Policy {@code cost_aware}, the reference's rule: with {@code w} the accuracy weight,
 *       {@code (1 - similarity) * w < min(cost * (1 - w), 1)}, and the similarity is at least
 *       {@code min_similarity}. With {@code w = 0.7} a 0.95-similar prompt answers when a fresh
 *       answer costs at least $0.117 (5,000 tokens at $0.03 per 1k: $0.15, yes; 100 tokens:
 *       $0.003, no).
 *   <li>With {@code max_error_rate} set, the threshold (or {@code min_similarity}) of each partition
 *       rises as {@link ErrorBudget} learns from feedback.
 * </ul>
 * Thread-safe. The budgets of at most {@link #MAX_PARTITIONS} partitions are kept, the least
 * recently used dropped first.
 */
final class Acceptance {
  static final int MAX_PARTITIONS = 10_000;

  private final SemanticSettings settings;
  private final Cache<String, ErrorBudget> budgets;

  Acceptance(SemanticSettings settings) {
    this.settings = settings;
    this.budgets = settings.maxErrorRate() == null ? null
        : Caffeine.newBuilder().maximumSize(MAX_PARTITIONS).build();
  }

  /** Returns whether a stored prompt this similar answers, for an answer of this cost. */
  boolean accepts(String partition, double similarity, double cost) {
    if (similarity < threshold(partition)) {
      return false;
    }
    if (settings.policy() == Policy.COST_AWARE) {
      double w = settings.accuracyWeight();
      return (1 - similarity) * w < Math.min(cost * (1 - w), 1.0);
    }
    return true;
  }

  /** Returns the least similarity the partition accepts now. */
  double threshold(String partition) {
    double base = base();
    if (budgets == null) {
      return base;
    }
    ErrorBudget budget = budgets.getIfPresent(partition);
    return budget == null ? base : budget.threshold(base);
  }

  /** Learns from a report on a semantic hit of the partition; nothing without an error budget. */
  void feedback(String partition, double similarity, boolean correct) {
    if (budgets != null) {
      budgets.get(partition, p -> new ErrorBudget(settings.maxErrorRate())).report(similarity, correct, base());
    }
  }

  private double base() {
    return settings.policy() == Policy.COST_AWARE ? settings.minSimilarity() : settings.threshold();
  }
}
