package dev.lexigram.cache.semantic;

import java.util.Arrays;

/**
 * The threshold of one partition under an error budget, learned from feedback on the semantic
 * hits it served (an idea from vCache, arXiv 2502.03771: bound the rate of wrong hits with a
 * threshold learned from labelled outcomes, rather than trust one fixed threshold everywhere).
 *
 * <p>The last {@link #WINDOW} reports are kept as (similarity, correct). With fewer than
 * {@link #MIN_REPORTS}, the base threshold applies. Otherwise, for each candidate threshold
 * {@code t} (the base, and each reported similarity above it) the reports at or above {@code t}
 * give a wrong rate, and its one-sided 95% Wilson upper bound; the threshold is the lowest
 * candidate whose bound is within {@code maxErrorRate}. If none is, the threshold goes just above
 * the most similar wrong hit reported, so that every hit still served is nearer than any known
 * mistake.
 *
 * <p>What it guarantees: among the hits reported so far at or above the threshold, the wrong rate
 * is within the budget with 95% confidence (when a candidate qualifies), on the assumption that
 * future prompts resemble the reported ones. The threshold never falls below the base: hits below
 * it were never served, so nothing is known of them.
 *
 * <p>Thread-safe (synchronized); the threshold is recomputed once per report, O(n log n) in the
 * window.
 */
final class ErrorBudget {
  static final int WINDOW = 2_000;
  static final int MIN_REPORTS = 10;
  /** z of a one-sided 95% bound. */
  private static final double Z = 1.6448536269514722;

  private final double maxErrorRate;
  private final double[] similarity = new double[WINDOW];
  private final boolean[] correct = new boolean[WINDOW];
  private int count;
  private int next;
  private volatile double learned = Double.NaN;

  ErrorBudget(double maxErrorRate) {
    this.maxErrorRate = maxErrorRate;
  }

  /** Returns the threshold to apply, given the base one. */
  double threshold(double base) {
    double t = learned;
    return Double.isNaN(t) ? base : Math.max(base, t);
  }

  /** Records whether a semantic hit at this similarity was right, and recomputes the threshold. */
  synchronized void report(double similarity, boolean correct, double base) {
    this.similarity[next] = similarity;
    this.correct[next] = correct;
    next = (next + 1) % WINDOW;
    count = Math.min(count + 1, WINDOW);
    learned = count < MIN_REPORTS ? Double.NaN : learn(base);
  }

  private double learn(double base) {
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    // most similar first; at equal similarity, right before wrong, so that a group is judged whole
    Arrays.sort(order, (x, y) -> similarity[x] != similarity[y] ? Double.compare(similarity[y], similarity[x])
        : Boolean.compare(!correct[x], !correct[y]));
    double best = Double.NaN;
    double mostSimilarWrong = Double.NEGATIVE_INFINITY;
    int n = 0;
    int wrong = 0;
    for (int k = 0; k < count; k++) {
      int i = order[k];
      n++;
      if (!correct[i]) {
        wrong++;
        mostSimilarWrong = Math.max(mostSimilarWrong, similarity[i]);
      }
      boolean groupEnds = k == count - 1 || similarity[order[k + 1]] != similarity[i];
      if (groupEnds && upperBound(wrong, n) <= maxErrorRate) {
        best = similarity[i];
      }
    }
    if (!Double.isNaN(best)) {
      return best <= base || upperBound(wrong, n) <= maxErrorRate ? base : best;
    }
    return Math.nextUp(mostSimilarWrong);
  }

  /** The one-sided 95% Wilson upper bound of a rate of {@code k} in {@code n}. */
  static double upperBound(int k, int n) {
    double p = (double) k / n;
    double z2 = Z * Z;
    double centre = p + z2 / (2 * n);
    double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return Math.min(1, (centre + spread) / (1 + z2 / n));
  }
}
