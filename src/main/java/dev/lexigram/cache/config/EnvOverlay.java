package dev.lexigram.cache.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies environment overrides to the {@code cache:} tree. A variable named
 * {@code LEX_CACHE__A__B__0__C} sets {@code cache.a.b[0].c}: {@code __} nests, names are
 * lowercased and match an existing key ignoring case and {@code -}/{@code _}, numeric segments
 * index lists (one past the end appends), missing mappings and lists are created. Values are YAML
 * scalars: empty, {@code ~} and {@code null} mean null; numbers and booleans are converted by the
 * parser. Variables are applied in name order, comparing numeric segments as numbers.
 */
final class EnvOverlay {
  static final String PREFIX = "LEX_CACHE__";

  private static final Comparator<List<String>> BY_SEGMENTS = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareSegment(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  private EnvOverlay() {}

  /** Applies every override in {@code env} to {@code cache} and returns which paths they set. */
  static Origins apply(ObjectNode cache, Map<String, String> env, String fileSource) {
    var origins = new Origins();
    env.keySet().stream()
        .filter(name -> name.startsWith(PREFIX))
        .sorted(Comparator.comparing(EnvOverlay::segments, BY_SEGMENTS))
        .forEach(name -> apply(cache, name, env.get(name), fileSource, origins));
    return origins;
  }

  private static void apply(
      ObjectNode cache, String variable, String value, String fileSource, Origins origins) {
    var errors =
        ConfigErrors.of("environment variable " + variable + " (overriding " + fileSource + ")");
    List<String> segments = segments(variable);
    if (segments.contains("")) {
      throw errors.at(YamlDocument.ROOT_KEY,
          "the variable name has an empty segment (___ or a trailing __)",
          "separate names with exactly two underscores, e.g. LEX_CACHE__BACKENDS__0__URL");
    }
    ContainerNode<?> node = cache;
    String path = YamlDocument.ROOT_KEY;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      Slot slot = Slot.find(node, segment, path, errors);
      path = slot.path();
      if (i == segments.size() - 1) {
        slot.set(Scalars.fromText(value));
        break;
      }
      JsonNode child = slot.get();
      if (child == null || child.isNull()) {
        child = isIndex(segments.get(i + 1)) ? cache.arrayNode() : cache.objectNode();
        slot.set(child);
      } else if (!child.isContainerNode()) {
        throw errors.at(path,
            "holds a single value, so " + variable + " cannot set a key inside it",
            "unset " + variable + ", or set " + path + " itself");
      }
      node = (ContainerNode<?>) child;
    }
    origins.record(path, variable);
  }

  private static List<String> segments(String variable) {
    String names = variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
    return Arrays.asList(names.split("__", -1));
  }

  static boolean isIndex(String segment) {
    return segment.matches("\\d{1,9}");
  }

  private static int compareSegment(String a, String b) {
    return isIndex(a) && isIndex(b)
        ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b))
        : a.compareTo(b);
  }

  /** A place in a mapping or list that an override reads or writes. */
  private record Slot(ContainerNode<?> parent, String key, int index, String path) {
    static Slot find(ContainerNode<?> parent, String segment, String path, ConfigErrors errors) {
      if (parent instanceof ObjectNode object) {
        String key = existingKey(object, segment);
        return new Slot(parent, key, -1, path + "." + key);
      }
      if (!isIndex(segment)) {
        throw errors.at(path, "is a list, so '" + segment + "' must be a numeric index",
            "use an index such as " + path + "[0] (…__0__… in the variable name)");
      }
      int index = Integer.parseInt(segment);
      if (index > parent.size()) {
        throw errors.at(path + "[" + index + "]", "index " + index + " is past the end of " + path
            + ", which has " + parent.size() + " entries", "use index " + parent.size()
            + " to add an entry, or an existing index to change one");
      }
      return new Slot(parent, null, index, path + "[" + index + "]");
    }

    private static String existingKey(ObjectNode object, String segment) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (name.replace('-', '_').equalsIgnoreCase(segment.replace('-', '_'))) {
          return name;
        }
      }
      return segment;
    }

    JsonNode get() {
      return key != null ? parent.get(key) : index < parent.size() ? parent.get(index) : null;
    }

    void set(JsonNode value) {
      if (key != null) {
        ((ObjectNode) parent).set(key, value);
      } else if (index < parent.size()) {
        ((ArrayNode) parent).set(index, value);
      } else {
        ((ArrayNode) parent).add(value);
      }
    }
  }
}
