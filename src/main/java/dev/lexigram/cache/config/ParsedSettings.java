package dev.lexigram.cache.config;

import java.util.List;
import java.util.Map;

/** Typed settings that have been parsed but not yet checked against each other. */
record ParsedSettings(
    List<BackendSettings> backends,
    Map<String, CacheSettings> caches,
    ServiceSettings service,
    Environment environment,
    Map<String, SemanticSettings> semantic) {

  LexigramSettings toSettings(String source) {
    return new LexigramSettings(source, backends, caches, service, environment, semantic);
  }
}
