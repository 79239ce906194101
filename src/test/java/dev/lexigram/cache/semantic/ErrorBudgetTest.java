package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ErrorBudgetTest {

  @Test
  void fewerThanTheMinimumReports_keepTheBase() {
    var budget = new ErrorBudget(0.05);
    for (int i = 0; i < ErrorBudget.MIN_REPORTS - 1; i++) {
      budget.report(0.95, false, 0.9);
    }

    assertThat(budget.threshold(0.9)).isEqualTo(0.9);
  }

  @Test
  void allHitsRight_keepTheBase() {
    var budget = new ErrorBudget(0.05);
    for (int i = 0; i < 200; i++) {
      budget.report(0.93 + (i % 50) * 0.001, true, 0.92);
    }

    assertThat(budget.threshold(0.92)).isEqualTo(0.92);
  }

  @Test
  void wrongHitsBelowASimilarity_moveTheThresholdAboveThem_andTheRateAboveItIsWithinBudget() {
    var random = new Random(7);
    var budget = new ErrorBudget(0.05);
    int[] right = new int[101];
    int[] total = new int[101];
    for (int i = 0; i < 2_000; i++) {
      double similarity = 0.90 + random.nextDouble() * 0.10;
      // one in five is wrong under 0.95, one in a hundred above
      boolean correct = random.nextDouble() >= (similarity < 0.95 ? 0.2 : 0.01);
      budget.report(similarity, correct, 0.90);
      int bucket = (int) (similarity * 100);
      total[bucket]++;
      right[bucket] += correct ? 1 : 0;
    }
    double threshold = budget.threshold(0.90);

    assertThat(threshold).isBetween(0.93, 0.96);
    int n = 0;
    int wrong = 0;
    for (int b = (int) Math.ceil(threshold * 100); b <= 100; b++) {
      n += total[b];
      wrong += total[b] - right[b];
    }
    assertThat((double) wrong / n).isLessThanOrEqualTo(0.05);
  }

  @Test
  void noThresholdQualifies_goesJustAboveTheMostSimilarWrongHit() {
    var budget = new ErrorBudget(0.01);
    for (int i = 0; i < 20; i++) {
      budget.report(0.93 + i * 0.001, i != 15, 0.92); // one wrong at 0.945; too few reports for a 1% bound
    }

    assertThat(budget.threshold(0.92)).isGreaterThan(0.945).isLessThan(0.946);
  }

  @Test
  void wilsonUpperBound_knownValues() {
    assertThat(ErrorBudget.upperBound(0, 100)).isBetween(0.025, 0.027);
    assertThat(ErrorBudget.upperBound(5, 100)).isBetween(0.09, 0.10);
    assertThat(ErrorBudget.upperBound(10, 10)).isEqualTo(1.0);
  }
}
