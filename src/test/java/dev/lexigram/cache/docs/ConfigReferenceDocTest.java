package dev.lexigram.cache.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/configuration.md} and the keys the loader accepts in step. The accepted keys
 * are those of {@code reference.yaml} (the loader rejects any other), written as dotted paths:
 * {@code cache.backends[].max_size} for a key of every backend list item and
 * {@code cache.caches.<name>.backend} for a key of every named cache. The documented keys are
 * the first cells of the doc's table rows that hold such a path in backticks:
 * {@code | `cache.backends[].max_size` | whole number | …}.
 */
class ConfigReferenceDocTest {
  private static final Path DOC = Path.of("docs", "configuration.md");
  private static final String REFERENCE = "/dev/lexigram/cache/config/reference.yaml";
  private static final Pattern KEY_ROW = Pattern.compile("^\\|\\s*`(cache(?:[.\\[][^`]*)?)`\\s*\\|",
      Pattern.MULTILINE);

  @Test
  void everyAcceptedKeyIsDocumentedAndEveryDocumentedKeyIsAccepted() throws IOException {
    Set<String> accepted = acceptedKeys();
    Set<String> documented = documentedKeys();

    Set<String> undocumented = new TreeSet<>(accepted);
    undocumented.removeAll(documented);
    Set<String> unknown = new TreeSet<>(documented);
    unknown.removeAll(accepted);

    if (!undocumented.isEmpty() || !unknown.isEmpty()) {
      fail("docs/configuration.md and reference.yaml disagree.\n"
          + "  accepted by the loader but not documented: " + undocumented + "\n"
          + "  documented but not accepted by the loader: " + unknown + "\n"
          + "Fix: add a key table row '| `<key>` | type | default | example | meaning |' for each "
          + "undocumented key, and remove the rows of keys the loader does not accept.");
    }
  }

  @Test
  void theDocListsTheKeysOfEverySection() throws IOException {
    assertTrue(documentedKeys().size() > 20, "expected the key table of " + DOC + ", found "
        + documentedKeys());
  }

  /** Every key path reference.yaml declares, containers included ({@code cache.backends}). */
  static Set<String> acceptedKeys() throws IOException {
    JsonNode root;
    try (InputStream in = ConfigReferenceDocTest.class.getResourceAsStream(REFERENCE)) {
      if (in == null) {
        throw new IllegalStateException(REFERENCE + " is not on the test class path");
      }
      root = new YAMLMapper().readTree(in);
    }
    Set<String> keys = new TreeSet<>();
    collect("cache", root.path("cache"), keys);
    return keys;
  }

  private static void collect(String path, JsonNode node, Set<String> keys) {
    if (node.isArray() && !node.isEmpty() && node.get(0).isObject()) {
      collect(path + "[]", node.get(0), keys);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    boolean namedEntries = path.equals("cache.caches") || path.equals("cache.semantic"); // name -> settings
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (namedEntries) {
        collect(path + ".<name>", field.getValue(), keys);
        return; // every entry has the same keys; the first one lists them
      }
      String key = path + "." + field.getKey();
      keys.add(key);
      collect(key, field.getValue(), keys);
    }
  }

  /** The key paths in the first cell of the doc's table rows. */
  static Set<String> documentedKeys() throws IOException {
    if (!Files.isRegularFile(DOC)) {
      fail(DOC.toAbsolutePath() + " is missing; the tests run from the project root");
    }
    Set<String> keys = new TreeSet<>();
    Matcher m = KEY_ROW.matcher(Files.readString(DOC));
    while (m.find()) {
      keys.add(m.group(1).trim());
    }
    return keys;
  }
}
