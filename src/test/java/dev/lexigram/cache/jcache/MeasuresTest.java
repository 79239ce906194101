package dev.lexigram.cache.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.SemanticStatistics;
import org.junit.jupiter.api.Test;

/** The quantiles of the nearest-similarity histogram the semantic meters report. */
class MeasuresTest {

  private static SemanticStatistics withHistogram(long[] histogram) {
    return new SemanticStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, histogram);
  }

  @Test
  void quantile_isTheBucketWhereTheRankFalls() {
    long[] histogram = new long[101];
    histogram[80] = 50; // half the lookups' nearest prompt at 0.80
    histogram[95] = 40;
    histogram[100] = 10; // exact hits

    SemanticStatistics statistics = withHistogram(histogram);

    assertThat(Measures.quantile(statistics, 0.5)).isEqualTo(0.80);
    assertThat(Measures.quantile(statistics, 0.9)).isEqualTo(0.95);
    assertThat(Measures.quantile(statistics, 0.99)).isEqualTo(1.0);
  }

  @Test
  void quantile_beforeAnyLookup_isNaN() {
    assertThat(Measures.quantile(withHistogram(new long[101]), 0.5)).isNaN();
  }
}
