package dev.lexigram.cache.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's samples: the ratio of the gets since the previous sample, also across a reset of the counts. */
class HitRatioHistoryTest {

  private static CacheStatus counts(long hits, long misses) {
    return new CacheStatus("c", "local", true, hits, misses, 0);
  }

  @Test
  void eachSample_isTheRatioOfTheGetsSinceThePreviousOne_andCountsThatStartedAgainAreAllNew() {
    HitRatioHistory history = new HitRatioHistory();
    history.sample(List.of(counts(8, 2)));   // 8 of 10
    history.sample(List.of(counts(9, 11)));  // 1 of 10 since
    history.sample(List.of(counts(9, 11)));  // no gets
    history.sample(List.of(counts(3, 1)));   // statistics cleared: 3 of 4, not a negative delta

    List<Double> ratios = history.of("c");
    assertThat(ratios).hasSize(4);
    assertThat(ratios.get(0)).isEqualTo(0.8);
    assertThat(ratios.get(1)).isEqualTo(0.1);
    assertThat(ratios.get(2)).isNaN();
    assertThat(ratios.get(3)).isEqualTo(0.75);
  }
}
