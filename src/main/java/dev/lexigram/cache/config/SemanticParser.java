package dev.lexigram.cache.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lexigram.cache.config.SemanticSettings.Policy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code cache.semantic}: a mapping from semantic cache names to their settings, each key
 * checked for type and range, and each {@code backend} against the declared backends.
 */
final class SemanticParser {
  /** No index holds more vectors of the default dimension (see FlatIndex). */
  static final long MAX_ENTRIES = 5_000_000;

  private final ConfigErrors errors;

  SemanticParser(ConfigErrors errors) {
    this.errors = errors;
  }

  Map<String, SemanticSettings> parse(Section root, List<BackendSettings> backends) {
    String path = root.path("semantic");
    JsonNode map = root.value("semantic");
    var caches = new LinkedHashMap<String, SemanticSettings>();
    if (map == null) {
      return caches;
    }
    if (!map.isObject()) {
      throw errors.at(path, "expected a mapping from semantic cache names to settings, got "
          + Scalars.describe(path, map), "write semantic: { answers: { backend: shared } }");
    }
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      String name = entry.getKey();
      if (name.isBlank()) {
        throw errors.at(path + ".''", "a semantic cache name is blank", "give the semantic cache a name");
      }
      JsonNode value = entry.getValue();
      Section section = Section.read(value == null || value.isNull() ? null : value, path + "." + name,
          Reference.SEMANTIC, errors);
      caches.put(name, cache(name, section, backends));
    }
    return caches;
  }

  private SemanticSettings cache(String name, Section s, List<BackendSettings> backends) {
    SemanticSettings d = SemanticSettings.defaults(name);
    String backend = s.text("backend");
    if (backend != null && backends.stream().noneMatch(b -> b.name().equals(backend))) {
      List<String> names = backends.stream().map(BackendSettings::name).toList();
      String guess = KeySuggester.nearest(backend, names).map(n -> "; did you mean '" + n + "'?").orElse("");
      throw errors.at(s.path("backend"), "backend '" + backend + "' is not declared" + guess,
          "use one of " + names + ", or remove the key to use the default backend");
    }
    Long maxEntries = s.count("max_entries", "set how many prompts each process indexes, e.g. 100000");
    if (maxEntries != null && (maxEntries < 1 || maxEntries > MAX_ENTRIES)) {
      throw errors.at(s.path("max_entries"), "must be between 1 and " + MAX_ENTRIES + ", got " + maxEntries,
          "set how many prompts each process indexes, e.g. 100000");
    }
    Policy policy = s.choice("policy", Policy.class, "policy");
    Duration sync = s.period("sync_interval", "write a duration such as 500ms or 2s");
    Long tokens = s.count("expected_tokens", "write the tokens a fresh answer takes, e.g. 500");
    Long maxChars = s.count("max_prompt_chars", "write the longest prompt a custom model embeds, e.g. 1000");
    Double maxErrorRate = s.has("max_error_rate") && !s.value("max_error_rate").isNull()
        ? between(s, "max_error_rate", 0, 1, false, "write a rate such as 0.05, or remove the key to turn the budget off")
        : null;
    String model = s.text("model");
    return new SemanticSettings(name, backend,
        orDefault(between(s, "threshold", 0, 1, true, "write a similarity such as 0.92"), d.threshold()),
        model == null || model.isBlank() ? d.model() : model.trim(),
        s.period("ttl", SettingsParser.TTL_FIX),
        maxEntries == null ? d.maxEntries() : maxEntries.intValue(),
        sync == null ? d.syncInterval() : sync,
        policy == null ? d.policy() : policy,
        orDefault(between(s, "accuracy_weight", 0, 1, true, "write a weight such as 0.7"), d.accuracyWeight()),
        orDefault(s.nonNegative("cost_per_1k_tokens", "write a price in dollars such as 0.03"), d.costPer1kTokens()),
        tokens == null ? d.expectedTokens() : tokens,
        orDefault(between(s, "min_similarity", 0, 1, true, "write a similarity such as 0.85"), d.minSimilarity()),
        maxErrorRate,
        s.flag("guards", true),
        maxChars == null ? d.maxPromptChars() : (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxChars)));
  }

  private Double between(Section s, String key, double low, double high, boolean inclusive, String fix) {
    JsonNode node = s.value(key);
    if (node == null || node.isNull()) {
      return null;
    }
    double number = Scalars.decimal(errors, s.path(key), node);
    boolean inside = inclusive ? number >= low && number <= high : number > low && number < high;
    if (!inside) {
      throw errors.at(s.path(key), "must be " + (inclusive ? "from " + low + " to " + high
          : "between " + low + " and " + high + " (exclusive)") + ", got " + node.asText(), fix);
    }
    return number;
  }

  private static double orDefault(Double value, double fallback) {
    return value == null ? fallback : value;
  }
}
