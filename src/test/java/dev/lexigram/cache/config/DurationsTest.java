package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @Test
  void parse_wholeNumber_isSeconds() {
    assertThat(Durations.parse(" 90 ")).contains(Duration.ofSeconds(90));
  }

  @Test
  void parse_negativeValues_keepTheirSign() {
    assertThat(Durations.parse("-5")).contains(Duration.ofSeconds(-5));
    assertThat(Durations.parse("-5s")).contains(Duration.ofSeconds(-5));
    assertThat(Durations.parse("PT-1S")).contains(Duration.ofSeconds(-1));
  }

  @Test
  void parse_milliseconds_isNotMinutes() {
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("250m")).contains(Duration.ofMinutes(250));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ten", "1.5", "5x", "5 minutes", "1h30m", "P", "99999999999999999999",
      "9223372036854775807d"})
  void parse_unsupportedOrOutOfRange_isEmpty(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }
}
