package dev.lexigram.cache.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses configured durations: a whole number is seconds; a whole number with a unit is
 * {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or {@code 1d}; anything starting with
 * {@code P} is ISO-8601 ({@code PT1S}). Signs are kept, so callers can reject negatives by name.
 */
final class Durations {
  static final String FORMS = "whole seconds such as 300, or 500ms, 30s, 5m, 2h, 1d, or ISO-8601 "
      + "such as PT30S";

  private static final Pattern WITH_UNIT = Pattern.compile("([+-]?\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /** Returns the duration {@code text} denotes, or empty if it is in none of the accepted forms. */
  static Optional<Duration> parse(String text) {
    String trimmed = text.trim();
    try {
      if (trimmed.matches("[+-]?\\d+")) {
        return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
      }
      Matcher m = WITH_UNIT.matcher(trimmed);
      if (m.matches()) {
        return Optional.of(withUnit(Long.parseLong(m.group(1)), m.group(2)));
      }
      if (trimmed.startsWith("P") || trimmed.startsWith("-P") || trimmed.startsWith("p")) {
        return Optional.of(Duration.parse(trimmed));
      }
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      return Optional.empty(); // out of range or malformed: the caller reports the text
    }
    return Optional.empty();
  }

  private static Duration withUnit(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
