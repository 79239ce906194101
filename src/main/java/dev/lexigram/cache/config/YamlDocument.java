package dev.lexigram.cache.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;

/**
 * Parses configuration text and returns its {@code cache:} mapping. Refuses invalid YAML, keys
 * repeated in one mapping, an empty document, a document without a {@code cache:} root, and
 * other top-level keys.
 */
final class YamlDocument {
  static final String ROOT_KEY = "cache";

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final String EXAMPLE =
      "start the file with 'cache:' and indent the settings under it, e.g. "
          + "cache: { backends: [ { name: local, type: memory } ] }";

  private YamlDocument() {}

  /** Returns the (mutable) {@code cache:} mapping of {@code text}; an empty root gives an empty one. */
  static ObjectNode cacheMapping(String text, ConfigErrors errors) {
    JsonNode root = parse(text, errors);
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw errors.at(ROOT_KEY, "the file is empty", EXAMPLE);
    }
    if (!root.isObject()) {
      throw errors.at(ROOT_KEY, "the file holds " + Scalars.describe(ROOT_KEY, root)
          + " where a mapping with a cache: key was expected", EXAMPLE);
    }
    if (!root.has(ROOT_KEY)) {
      var found = new ArrayList<String>();
      root.fieldNames().forEachRemaining(found::add);
      throw errors.at(ROOT_KEY, "no cache: mapping at the top level (found " + String.join(", ", found)
          + ")", EXAMPLE);
    }
    root.fieldNames().forEachRemaining(name -> {
      if (!name.equals(ROOT_KEY)) {
        throw errors.at(name, "unknown top-level key '" + name + "'; lexigram-cache reads only cache:",
            "move '" + name + "' under cache: if it is a cache setting, otherwise remove it");
      }
    });
    JsonNode cache = root.get(ROOT_KEY);
    if (cache.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!cache.isObject()) {
      throw errors.at(ROOT_KEY, "expected a mapping, got " + Scalars.describe(ROOT_KEY, cache), EXAMPLE);
    }
    return (ObjectNode) cache;
  }

  private static JsonNode parse(String text, ConfigErrors errors) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "(document)" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      String first = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
      throw errors.at(where, "not valid YAML: " + first, "correct the YAML at that position", e);
    }
  }
}
