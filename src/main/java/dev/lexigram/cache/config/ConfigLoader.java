package dev.lexigram.cache.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, overrides, resolves and validates lexigram-cache configuration, returning typed settings.
 *
 * <p>The configuration is found in this order:
 * <ol>
 *   <li>the manager URI, when its scheme is {@code classpath} or {@code file} (a missing resource
 *       or file is an error); any other URI, such as {@code urn:lexigram:default}, only names the
 *       manager and the search goes on;
 *   <li>system property {@code lexigram.cache.config};
 *   <li>environment variable {@code LEX_CACHE_CONFIG} (both hold {@code classpath:x.yaml},
 *       {@code file:/x.yaml} or a plain file path);
 *   <li>resource {@code lexigram-cache.yaml} on the class loader;
 *   <li>the built-in default: one unbounded memory backend named {@code default}, without expiry.
 * </ol>
 * A file without {@code backends} also gets that one memory backend.
 *
 * <p>Then environment variables starting {@code LEX_CACHE__} override keys ({@code __} nests,
 * names are lowercased, numbers index lists): {@code LEX_CACHE__BACKENDS__0__URL=redis://…} sets
 * {@code cache.backends[0].url}. Then {@code ${VAR}}, {@code ${VAR:default}} and
 * {@code ${VAR:-default}} in string values are resolved from the environment, then system
 * properties. Keys may be written in snake_case or kebab-case. {@code reference.yaml} in this
 * package lists every key with its default.
 *
 * <p>Validation refuses, each with one message naming the source, the key and the fix: unknown
 * keys (suggesting the nearest), wrong types, negative sizes and non-positive durations, several
 * backends without exactly one default, duplicate backend names, caches named like a backend or
 * naming an undeclared one, keys that do not apply to the backend's type, a Redis backend without
 * a usable {@code url}, a memcached backend without {@code host:port} servers, a missing client
 * jar (Lettuce, spymemcached, Kryo), signing keys under 32 bytes and, in production, plaintext
 * Redis to a non-loopback host and short or common passwords.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class ConfigLoader {
  private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);

  private ConfigLoader() {}

  /**
   * Returns the validated settings found for {@code uri}, using {@link System#getenv()} and
   * {@link System#getProperties()}; never null.
   *
   * @param uri the cache manager's URI; null or a scheme other than {@code classpath}/{@code file}
   *     falls through to the other locations
   * @param classLoader finds {@code classpath:} resources and client jars; non-null
   * @throws InvalidConfigurationException if the configuration is missing where named, unreadable
   *     or invalid
   * @throws NullPointerException if classLoader is null
   */
  public static LexigramSettings load(URI uri, ClassLoader classLoader) {
    return load(uri, classLoader, System.getenv(), System.getProperties());
  }

  /**
   * Returns the validated settings found for {@code uri}, with the given environment and system
   * properties (the testable form of {@link #load(URI, ClassLoader)}); never null.
   *
   * @param uri the cache manager's URI; nullable
   * @param classLoader finds {@code classpath:} resources and client jars; non-null
   * @param env environment variables; non-null
   * @param systemProperties system properties; non-null
   * @throws InvalidConfigurationException if the configuration is missing where named, unreadable
   *     or invalid
   * @throws NullPointerException if classLoader, env or systemProperties is null
   */
  public static LexigramSettings load(
      URI uri, ClassLoader classLoader, Map<String, String> env, Properties systemProperties) {
    requireNonNull(classLoader, "classLoader");
    requireNonNull(env, "env");
    requireNonNull(systemProperties, "systemProperties");
    Optional<ConfigText> text = ConfigLocator.locate(uri, classLoader, env, systemProperties);
    String source = text.map(ConfigText::source).orElse(LexigramSettings.BUILT_IN_SOURCE);
    ObjectNode cache = text.isPresent()
        ? YamlDocument.cacheMapping(text.get().text(), ConfigErrors.of(source))
        : JsonNodeFactory.instance.objectNode();
    addDefaultBackendIfNone(cache);
    Origins origins = EnvOverlay.apply(cache, env, source);
    var errors = new ConfigErrors(source, origins);
    new Placeholders(env, systemProperties, errors).resolveAll(cache, YamlDocument.ROOT_KEY);
    ParsedSettings parsed = new SettingsParser(errors).parse(cache);
    new SettingsValidator(errors, classLoader).validate(parsed);
    LexigramSettings settings = parsed.toSettings(source);
    log.debug("lexigram-cache configuration from {} with {} environment override(s): {}",
        source, origins.size(), settings);
    return settings;
  }

  /** Gives a configuration without {@code backends} the built-in memory backend. */
  private static void addDefaultBackendIfNone(ObjectNode cache) {
    JsonNode backends = cache.get("backends");
    if (backends == null || backends.isNull()) {
      cache.putArray("backends").addObject()
          .put("name", LexigramSettings.DEFAULT_BACKEND_NAME)
          .put("type", BackendRules.name(BackendType.MEMORY));
    }
  }
}
