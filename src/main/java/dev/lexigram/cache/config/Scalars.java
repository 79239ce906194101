package dev.lexigram.cache.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Converts one YAML node into a Java value, or returns the error that names the key, what was
 * expected and what was found. Values set by environment overrides and placeholders arrive as
 * text, so numbers, booleans ({@code true/false/yes/no/on/off}, as YAML 1.1 reads them in files)
 * and durations are also accepted in text form. Text keys accept only
 * YAML strings: YAML turns {@code 0123} into 83, so a number is refused with a hint to quote it.
 */
final class Scalars {
  private static final Set<String> TRUE = Set.of("true", "yes", "on");
  private static final Set<String> FALSE = Set.of("false", "no", "off");
  private static final Set<String> NULL = Set.of("", "~", "null");

  private Scalars() {}

  /** Returns the node for a value given as text (an override or a resolved placeholder). */
  static JsonNode fromText(String text) {
    return NULL.contains(text.trim().toLowerCase(Locale.ROOT))
        ? JsonNodeFactory.instance.nullNode()
        : JsonNodeFactory.instance.textNode(text);
  }

  static String text(ConfigErrors errors, String key, JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    throw errors.at(key, "expected text, got " + describe(key, node),
        node.isValueNode() ? "quote the value: '" + shown(key, node) + "'" : "write a single quoted string");
  }

  static long wholeNumber(ConfigErrors errors, String key, JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isTextual() && node.textValue().trim().matches("[+-]?\\d{1,18}")) {
      return Long.parseLong(node.textValue().trim());
    }
    throw errors.at(key, "expected a whole number, got " + describe(key, node),
        "write a whole number such as 1000");
  }

  static double decimal(ConfigErrors errors, String key, JsonNode node) {
    if (node.isNumber() && Double.isFinite(node.doubleValue())) {
      return node.doubleValue();
    }
    if (node.isTextual() && node.textValue().trim().matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
      return Double.parseDouble(node.textValue().trim());
    }
    throw errors.at(key, "expected a number, got " + describe(key, node), "write a number such as 1 or 0.5");
  }

  static boolean bool(ConfigErrors errors, String key, JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.isTextual() ? node.textValue().trim().toLowerCase(Locale.ROOT) : "";
    if (TRUE.contains(text) || FALSE.contains(text)) {
      return TRUE.contains(text);
    }
    throw errors.at(key, "expected true or false, got " + describe(key, node), "write true or false");
  }

  static Duration duration(ConfigErrors errors, String key, JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return Duration.ofSeconds(node.longValue());
    }
    Optional<Duration> parsed =
        node.isTextual() ? Durations.parse(node.textValue()) : Optional.empty();
    return parsed.orElseThrow(() -> errors.at(key, "expected a duration, got " + describe(key, node),
        "write " + Durations.FORMS + ", or null for none"));
  }

  static List<String> texts(ConfigErrors errors, String key, JsonNode node) {
    if (!node.isArray()) {
      throw errors.at(key, "expected a list, got " + describe(key, node),
          "write a YAML list such as [a, b], or from the environment set " + key + "[0], [1]… "
              + "through variables ending in __0, __1");
    }
    var values = new ArrayList<String>();
    for (int i = 0; i < node.size(); i++) {
      String elementKey = key + "[" + i + "]";
      JsonNode element = node.get(i);
      if (element.isNull()) {
        throw errors.at(elementKey, "is empty", "remove the empty list entry");
      }
      values.add(text(errors, elementKey, element));
    }
    return List.copyOf(values);
  }

  /** Describes a found value for a message: {@code 'ten'}, {@code a list}; secrets are not shown. */
  static String describe(String key, JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return "'" + shown(key, node) + "'";
  }

  private static String shown(String key, JsonNode node) {
    if (Secrets.isSecretKey(key)) {
      return Secrets.MASK;
    }
    return key.endsWith(".url") ? Secrets.maskUrl(node.asText()) : node.asText();
  }
}
