package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.config.SemanticSettings;
import dev.lexigram.cache.config.SemanticSettings.Policy;
import org.junit.jupiter.api.Test;

class AcceptanceTest {

  static SemanticSettings settings(Policy policy, Double maxErrorRate) {
    SemanticSettings d = SemanticSettings.defaults("a");
    return new SemanticSettings("a", null, d.threshold(), d.model(), null, 10, d.syncInterval(), policy,
        d.accuracyWeight(), d.costPer1kTokens(), d.expectedTokens(), d.minSimilarity(), maxErrorRate, true,
        d.maxPromptChars());
  }

  @Test
  void threshold_acceptsAtOrAboveIt() {
    var acceptance = new Acceptance(settings(Policy.THRESHOLD, null));

    assertThat(acceptance.accepts("", 0.92, 0)).isTrue();
    assertThat(acceptance.accepts("", 0.919, 1_000)).isFalse();
  }

  @Test
  void costAware_theReferenceNumbers() {
    var acceptance = new Acceptance(settings(Policy.COST_AWARE, null));

    // w = 0.7, similarity 0.95: the mismatch penalty 0.035 needs a cost of at least 0.117 dollars
    assertThat(acceptance.accepts("", 0.95, 0.03 * 5_000 / 1000)).as("gpt-4, 5000 tokens: $0.15").isTrue();
    assertThat(acceptance.accepts("", 0.95, 0.03 * 100 / 1000)).as("gpt-4, 100 tokens: $0.003").isFalse();
    assertThat(acceptance.accepts("", 0.95, 0.116)).isFalse();
    assertThat(acceptance.accepts("", 0.95, 0.118)).isTrue();
  }

  @Test
  void costAware_neverBelowMinSimilarity_howeverExpensive() {
    var acceptance = new Acceptance(settings(Policy.COST_AWARE, null));

    assertThat(acceptance.accepts("", 0.84, 1_000_000)).isFalse();
    assertThat(acceptance.accepts("", 0.86, 1_000_000)).isTrue();
  }

  @Test
  void errorBudget_raisesTheThresholdOfThePartitionWithWrongHits_only() {
    var acceptance = new Acceptance(settings(Policy.THRESHOLD, 0.05));
    for (int i = 0; i < 40; i++) {
      double similarity = 0.92 + i * 0.002; // 0.920 … 0.998
      acceptance.feedback("noisy", similarity, similarity >= 0.96); // wrong below 0.96
    }

    // 20 right hits from 0.96 up are too few for a 5% bound: just above the most similar wrong hit
    assertThat(acceptance.threshold("noisy")).isGreaterThan(0.958).isLessThan(0.959);
    assertThat(acceptance.accepts("noisy", 0.95, 0)).isFalse();
    assertThat(acceptance.threshold("other")).isEqualTo(0.92);
  }

  @Test
  void errorBudget_withoutItFeedbackChangesNothing() {
    var acceptance = new Acceptance(settings(Policy.THRESHOLD, null));
    for (int i = 0; i < 50; i++) {
      acceptance.feedback("", 0.93, false);
    }

    assertThat(acceptance.threshold("")).isEqualTo(0.92);
  }
}
