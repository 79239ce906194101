package dev.lexigram.cache.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One YAML mapping being read as configuration, at a dotted path such as
 * {@code cache.backends[1]}. Reading it rejects unknown keys (suggesting the nearest valid one)
 * and keys given twice in different spellings; kebab-case keys are read as their snake_case
 * equivalents. Getters return null (or the stated default) for an absent or null key, and throw
 * {@link InvalidConfigurationException} for a value of the wrong type or out of range.
 */
final class Section {
  private final String path;
  private final Map<String, JsonNode> values;
  private final ConfigErrors errors;

  private Section(String path, Map<String, JsonNode> values, ConfigErrors errors) {
    this.path = path;
    this.values = values;
    this.errors = errors;
  }

  /** Reads {@code node} (null or a YAML null counts as empty) allowing only {@code known} keys. */
  static Section read(JsonNode node, String path, Set<String> known, ConfigErrors errors) {
    var values = new LinkedHashMap<String, JsonNode>();
    if (node == null || node.isNull()) {
      return new Section(path, values, errors);
    }
    if (!node.isObject()) {
      throw errors.at(path, "expected a mapping of keys, got " + Scalars.describe(path, node),
          "write the keys of " + path + " indented under it, one 'key: value' per line");
    }
    var spelling = new LinkedHashMap<String, String>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String raw = field.getKey();
      String key = raw.replace('-', '_');
      if (!known.contains(key)) {
        throw unknownKey(errors, path, raw, known);
      }
      String earlier = spelling.put(key, raw);
      if (earlier != null) {
        throw errors.at(path + "." + key, "set twice, as '" + earlier + "' and as '" + raw + "'",
            "keep one of them");
      }
      values.put(key, field.getValue());
    }
    return new Section(path, values, errors);
  }

  /** The error for a key not in {@code known}, suggesting the nearest known one. */
  static InvalidConfigurationException unknownKey(
      ConfigErrors errors, String path, String raw, Set<String> known) {
    String key = path + "." + raw;
    return KeySuggester.nearest(raw, known)
        .map(k -> raw.contains("-") ? k.replace('_', '-') : k)
        .map(k -> errors.at(key, "unknown key '" + raw + "'; did you mean '" + k + "'?",
            "rename it to '" + k + "'"))
        .orElseGet(() -> errors.at(key, "unknown key '" + raw + "'",
            "remove it; the keys accepted in " + path + " are " + String.join(", ", known)));
  }

  String path() {
    return path;
  }

  String path(String key) {
    return path + "." + key;
  }

  /** Whether the key is present with a non-null value. */
  boolean has(String key) {
    return value(key) != null;
  }

  /** The raw node, or null if absent or YAML null. */
  JsonNode value(String key) {
    JsonNode node = values.get(key);
    return node == null || node.isNull() ? null : node;
  }

  String text(String key) {
    JsonNode node = value(key);
    return node == null ? null : Scalars.text(errors, path(key), node);
  }

  /** A required non-blank text value. */
  String requiredText(String key, String fix) {
    String text = text(key);
    if (text == null) {
      throw errors.at(path(key), "missing required key '" + key + "'", fix);
    }
    if (text.isBlank()) {
      throw errors.at(path(key), "must not be blank", fix);
    }
    return text;
  }

  boolean flag(String key, boolean absent) {
    Boolean flag = optionalFlag(key);
    return flag == null ? absent : flag;
  }

  Boolean optionalFlag(String key) {
    JsonNode node = value(key);
    return node == null ? null : Scalars.bool(errors, path(key), node);
  }

  List<String> texts(String key) {
    JsonNode node = value(key);
    return node == null ? List.of() : Scalars.texts(errors, path(key), node);
  }

  /** A whole number that must not be negative; {@code fix} says what to write instead. */
  Long count(String key, String fix) {
    JsonNode node = value(key);
    if (node == null) {
      return null;
    }
    long count = Scalars.wholeNumber(errors, path(key), node);
    if (count < 0) {
      throw errors.at(path(key), "must be zero or positive, got " + count, fix);
    }
    return count;
  }

  /** A number that must not be negative; {@code fix} says what to write instead. */
  Double nonNegative(String key, String fix) {
    JsonNode node = value(key);
    if (node == null) {
      return null;
    }
    double number = Scalars.decimal(errors, path(key), node);
    if (number < 0) {
      throw errors.at(path(key), "must be zero or positive, got " + node.asText(), fix);
    }
    return number;
  }

  /** A duration that may be zero but not negative; {@code fix} says what to write instead. */
  Duration span(String key, String fix) {
    JsonNode node = value(key);
    if (node == null) {
      return null;
    }
    Duration span = Scalars.duration(errors, path(key), node);
    if (span.isNegative()) {
      throw errors.at(path(key), "must not be negative, got " + node.asText(), fix);
    }
    return span;
  }

  /** A duration that must be positive; {@code fix} says what to write instead. */
  Duration period(String key, String fix) {
    JsonNode node = value(key);
    if (node == null) {
      return null;
    }
    Duration period = Scalars.duration(errors, path(key), node);
    if (period.isNegative() || period.isZero()) {
      throw errors.at(path(key), "must be positive, got " + node.asText(), fix);
    }
    return period;
  }

  /** An enum constant written in any letter case; {@code what} names it in messages. */
  <E extends Enum<E>> E choice(String key, Class<E> type, String what) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text.trim())) {
        return constant;
      }
    }
    List<String> valid = names(type);
    String guess = KeySuggester.nearest(text.trim(), valid).map(n -> "; did you mean '" + n + "'?")
        .orElse("");
    throw errors.at(path(key), "unknown " + what + " '" + text + "'" + guess,
        "use one of " + String.join(", ", valid));
  }

  /** The config names of an enum's constants: {@code memory, redis, memcached}. */
  static <E extends Enum<E>> List<String> names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.toList());
  }
}
