package dev.lexigram.cache.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys lexigram-cache accepts at each level, read from {@code reference.yaml} next to this
 * class: the single place where every key, its default and its meaning are written down. The
 * parser rejects any key not listed here.
 */
final class Reference {
  static final String RESOURCE = "reference.yaml";

  /** Keys of the {@code cache:} mapping. */
  static final Set<String> ROOT;
  /** Keys of one {@code cache.backends} entry. */
  static final Set<String> BACKEND;
  /** Keys of one {@code cache.caches} entry. */
  static final Set<String> CACHE;
  /** Keys of {@code cache.service}. */
  static final Set<String> SERVICE;
  /** Keys of {@code cache.service.protection}. */
  static final Set<String> PROTECTION;
  /** Keys of {@code cache.service.admin}. */
  static final Set<String> ADMIN;
  /** Keys of {@code cache.service.circuit_breaker}. */
  static final Set<String> CIRCUIT_BREAKER;
  /** Keys of a {@code near_cache} section, on a backend or a cache. */
  static final Set<String> NEAR_CACHE;
  /** Keys of one {@code cache.semantic} entry. */
  static final Set<String> SEMANTIC;

  static {
    JsonNode cache = read().path("cache");
    ROOT = keys(cache);
    BACKEND = keys(cache.path("backends").path(0));
    CACHE = keys(cache.path("caches").elements().next());
    SERVICE = keys(cache.path("service"));
    PROTECTION = keys(cache.path("service").path("protection"));
    SEMANTIC = keys(cache.path("semantic").elements().next());
    ADMIN = keys(cache.path("service").path("admin"));
    CIRCUIT_BREAKER = keys(cache.path("service").path("circuit_breaker"));
    NEAR_CACHE = keys(cache.path("backends").path(0).path("near_cache"));
  }

  private Reference() {}

  private static JsonNode read() {
    try (InputStream in = Reference.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing next to " + Reference.class);
      }
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static Set<String> keys(JsonNode mapping) {
    var keys = new LinkedHashSet<String>();
    mapping.fieldNames().forEachRemaining(keys::add);
    if (keys.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " lacks a section the parser needs");
    }
    return Collections.unmodifiableSet(keys);
  }
}
