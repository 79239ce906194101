package dev.lexigram.cache;

import java.util.Arrays;

/**
 * Counters of one {@link SemanticCache} in this process, since it was opened.
 *
 * @param lookups lookups made (each {@code getOrCompute} makes one)
 * @param exactHits lookups the exact tier answered
 * @param semanticHits lookups the semantic tier answered
 * @param misses lookups neither tier answered
 * @param tooLong lookups whose prompt did not fit the model's window, so only the exact tier was
 *     tried
 * @param guardRejections near prompts refused because a number or a negation differs
 * @param stores answers stored (by {@code store} or a computing {@code getOrCompute})
 * @param correctFeedback semantic hits reported correct
 * @param wrongFeedback semantic hits reported wrong
 * @param indexed prompts in this process's index
 * @param nearestSimilarity how often the nearest stored prompt of a lookup had each similarity (an
 *     exact hit counts as 1.0; a lookup whose prompt was too long, or whose partition holds no
 *     prompt, counts nowhere): entry {@code i} counts similarities in
 *     {@code [i/100, (i+1)/100)}, entry 100 counts 1.0 (negative similarities count in entry 0);
 *     101 entries
 */
public record SemanticStatistics(long lookups, long exactHits, long semanticHits, long misses, long tooLong,
    long guardRejections, long stores, long correctFeedback, long wrongFeedback, long indexed,
    long[] nearestSimilarity) {

  public SemanticStatistics {
    nearestSimilarity = nearestSimilarity.clone();
  }

  /** Returns the share of lookups answered by either tier, or 0 before the first lookup. */
  public double hitRate() {
    return lookups == 0 ? 0 : (double) (exactHits + semanticHits) / lookups;
  }

  /** Returns a copy of the nearest-similarity histogram (see the record comment). */
  @Override
  public long[] nearestSimilarity() {
    return nearestSimilarity.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SemanticStatistics s && lookups == s.lookups && exactHits == s.exactHits
        && semanticHits == s.semanticHits && misses == s.misses && tooLong == s.tooLong
        && guardRejections == s.guardRejections && stores == s.stores && correctFeedback == s.correctFeedback
        && wrongFeedback == s.wrongFeedback && indexed == s.indexed
        && Arrays.equals(nearestSimilarity, s.nearestSimilarity);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(lookups) * 31 + Arrays.hashCode(nearestSimilarity);
  }

  @Override
  public String toString() {
    return "SemanticStatistics[lookups=" + lookups + ", exactHits=" + exactHits + ", semanticHits=" + semanticHits
        + ", misses=" + misses + ", tooLong=" + tooLong + ", guardRejections=" + guardRejections + ", stores="
        + stores + ", feedback=" + correctFeedback + " correct/" + wrongFeedback + " wrong, indexed=" + indexed + "]";
  }
}
