package dev.lexigram.cache.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves placeholders in every string value of the {@code cache:} tree: {@code ${VAR}},
 * {@code ${VAR:default}} and {@code ${VAR:-default}}, looking {@code VAR} up in the environment
 * first, then in system properties. A variable that is unset or empty takes the default, which
 * may itself hold placeholders; {@code $${} writes a literal {@code ${}. Resolved values are not
 * scanned again. A value that is exactly one placeholder is read as a YAML scalar (empty,
 * {@code ~} and {@code null} become null), so {@code max_size: ${MAX:}} means unbounded.
 */
final class Placeholders {
  private final Map<String, String> env;
  private final Properties systemProperties;
  private final ConfigErrors errors;

  Placeholders(Map<String, String> env, Properties systemProperties, ConfigErrors errors) {
    this.env = env;
    this.systemProperties = systemProperties;
    this.errors = errors;
  }

  /** Replaces every string value under {@code node} (at {@code path}) by its resolved form. */
  void resolveAll(JsonNode node, String path) {
    if (node instanceof ObjectNode object) {
      for (String name : fieldNames(object)) {
        JsonNode child = object.get(name);
        String childPath = path + "." + name;
        if (child.isTextual()) {
          object.set(name, resolveValue(child.textValue(), childPath));
        } else {
          resolveAll(child, childPath);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode child = array.get(i);
        String childPath = path + "[" + i + "]";
        if (child.isTextual()) {
          array.set(i, resolveValue(child.textValue(), childPath));
        } else {
          resolveAll(child, childPath);
        }
      }
    }
  }

  private JsonNode resolveValue(String text, String key) {
    String resolved = resolve(text, key);
    boolean whole = text.startsWith("${") && closingBrace(text, 2) == text.length() - 1;
    return whole ? Scalars.fromText(resolved) : JsonNodeFactory.instance.textNode(resolved);
  }

  /** Returns {@code text} with its placeholders replaced; {@code key} names it in errors. */
  String resolve(String text, String key) {
    var out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i)) {
        int end = closingBrace(text, i + 2);
        if (end < 0) {
          throw errors.at(key, "unterminated placeholder: a '${' without its '}'",
              "close the placeholder with '}', or write $${ for a literal ${");
        }
        out.append(lookup(text.substring(i + 2, end), key));
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }

  private String lookup(String body, String key) {
    int colon = body.indexOf(':');
    String name = (colon < 0 ? body : body.substring(0, colon)).trim();
    if (name.isEmpty()) {
      throw errors.at(key, "placeholder without a variable name", "write ${VARIABLE} or ${VARIABLE:default}");
    }
    String value = env.containsKey(name) ? env.get(name) : systemProperties.getProperty(name);
    if (colon < 0) {
      if (value == null) {
        throw errors.at(key, "${" + name + "} is not set as an environment variable or system property,"
            + " and has no default", "set " + name + ", or give a default: ${" + name + ":value}");
      }
      return value;
    }
    String fallback = body.substring(colon + 1);
    fallback = fallback.startsWith("-") ? fallback.substring(1) : fallback;
    return value == null || value.isEmpty() ? resolve(fallback, key) : value;
  }

  /** The index of the '}' closing a placeholder whose body starts at {@code from}, or -1. */
  private static int closingBrace(String text, int from) {
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      if (text.startsWith("${", i)) {
        depth++;
        i++;
      } else if (text.charAt(i) == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  private static Iterable<String> fieldNames(ObjectNode object) {
    var names = new ArrayList<String>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
