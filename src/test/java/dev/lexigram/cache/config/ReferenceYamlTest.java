package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reference.yaml} is a valid configuration whose documented defaults are the real ones. */
class ReferenceYamlTest {
  private static final URI REFERENCE = URI.create("classpath:dev/lexigram/cache/config/reference.yaml");

  @TempDir Path dir;

  private static LexigramSettings reference() {
    return ConfigLoader.load(REFERENCE, ReferenceYamlTest.class.getClassLoader(), Map.of(), new Properties());
  }

  @Test
  void reference_loaded_equalsBuiltInDefaultPlusExampleCache() {
    LexigramSettings reference = reference();

    assertThat(reference.backends()).isEqualTo(LexigramSettings.defaults().backends());
    assertThat(reference.service()).isEqualTo(ServiceSettings.defaults());
    assertThat(reference.environment()).isEqualTo(Environment.DEVELOPMENT);
  }

  @Test
  void reference_exampleCache_equalsCacheDeclaredWithoutKeys() {
    LexigramSettings bare = new ConfigFixture(dir).load("cache:\n  caches:\n    example: {}\n");

    assertThat(reference().caches()).isEqualTo(bare.caches());
  }

  @Test
  void reference_exampleSemanticCache_equalsOneDeclaredWithoutKeys() {
    LexigramSettings bare = new ConfigFixture(dir).load("cache:\n  semantic:\n    example: {}\n");

    assertThat(reference().semantic()).isEqualTo(bare.semantic())
        .containsEntry("example", SemanticSettings.defaults("example"));
  }

  @Test
  void reference_everyRecordComponent_isDocumented() {
    assertThat(Reference.BACKEND).containsAll(keys(BackendSettings.class, Set.of("isDefault"), "default"));
    assertThat(Reference.CACHE).containsAll(keys(CacheSettings.class, Set.of("name"), null));
    assertThat(Reference.SERVICE).containsAll(keys(ServiceSettings.class, Set.of(), null));
    assertThat(Reference.SEMANTIC).containsAll(keys(SemanticSettings.class, Set.of("name", "costPer1kTokens"),
        "cost_per_1k_tokens"));
    assertThat(Reference.ROOT).containsExactlyInAnyOrder("backends", "caches", "semantic", "service", "environment");
  }

  /** The snake_case keys of a record's components, renaming {@code renamed} to {@code as}. */
  private static Set<String> keys(Class<? extends Record> type, Set<String> renamed, String as) {
    return Stream.of(type.getRecordComponents())
        .map(c -> renamed.contains(c.getName()) ? as : c.getName().replaceAll("([A-Z])", "_$1").toLowerCase())
        .filter(k -> k != null)
        .collect(java.util.stream.Collectors.toSet());
  }
}
