package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.config.SemanticSettings.Policy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cache.semantic}: every key, the defaults, and clear errors. */
class SemanticSettingsParsingTest {
  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void nameOnly_takesEveryDefault() {
    LexigramSettings settings = fixture.load("""
        cache:
          semantic:
            answers: {}
            faq:
        """);

    assertThat(settings.semantic()).containsOnlyKeys("answers", "faq");
    assertThat(settings.semantic().get("answers")).isEqualTo(SemanticSettings.defaults("answers"));
    assertThat(settings.semantic().get("faq")).isEqualTo(SemanticSettings.defaults("faq"));
  }

  @Test
  void everyKey_isRead() {
    LexigramSettings settings = fixture.load("""
        cache:
          backends:
            - { name: local, type: memory }
            - { name: other, type: memory, default: true }
          semantic:
            answers:
              backend: local
              threshold: 0.95
              model: com.acme.Model
              ttl: 6h
              max_entries: 2000
              sync_interval: 2s
              policy: cost_aware
              accuracy_weight: 0.8
              cost_per_1k_tokens: 0.005
              expected_tokens: 2000
              min_similarity: 0.9
              max_error_rate: 0.05
              guards: false
              max-prompt-chars: 4000
        """);

    assertThat(settings.semantic().get("answers")).isEqualTo(new SemanticSettings("answers", "local", 0.95,
        "com.acme.Model", Duration.ofHours(6), 2000, Duration.ofSeconds(2), Policy.COST_AWARE, 0.8, 0.005, 2000, 0.9,
        0.05, false, 4000));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "threshold: 1.5 | cache.semantic.answers.threshold: must be from 0.0 to 1.0, got 1.5",
      "max_error_rate: 0 | cache.semantic.answers.max_error_rate: must be between 0.0 and 1.0 (exclusive), got 0",
      "max_entries: 0 | cache.semantic.answers.max_entries: must be between 1 and 5000000, got 0",
      "policy: cheap | unknown policy 'cheap'",
      "backend: shard | backend 'shard' is not declared; did you mean 'shared'?",
      "treshold: 0.9 | treshold",
  })
  void badValues_failNamingTheKey(String line, String message) {
    var failure = fixture.failure("""
        cache:
          backends:
            - { name: shared, type: memory }
          semantic:
            answers:
              %s
        """.formatted(line));

    assertThat(failure).hasMessageContaining(message);
  }
}
