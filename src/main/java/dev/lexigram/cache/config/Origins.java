package dev.lexigram.cache.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Remembers which key paths were set by environment overrides, so that an error about such a key
 * names the variable rather than only the file. Paths are compared with {@code -} and {@code _}
 * treated alike and case ignored, since overrides are lowercased.
 */
final class Origins {
  private final Map<String, String> variableByPath = new HashMap<>();

  /** Records that {@code path} (and everything under it) was set by {@code variable}. */
  void record(String path, String variable) {
    variableByPath.put(canonical(path), variable);
  }

  /** Returns how many paths were overridden. */
  int size() {
    return variableByPath.size();
  }

  /**
   * Returns the source to report for an error at {@code key}: the overriding variable if the key
   * or one of its parents was overridden, otherwise {@code fileSource}.
   */
  String sourceOf(String key, String fileSource) {
    for (String path = canonical(key); path != null; path = parent(path)) {
      String variable = variableByPath.get(path);
      if (variable != null) {
        return "environment variable " + variable + " (overriding " + fileSource + ")";
      }
    }
    return fileSource;
  }

  private static String canonical(String path) {
    return path.replace('-', '_').toLowerCase(Locale.ROOT);
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? null : path.substring(0, cut);
  }
}
