package dev.lexigram.cache.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the configuration text, in order: a {@code classpath:}, {@code file:} or {@code jar:} manager URI;
 * system property {@value #SYSTEM_PROPERTY}; environment variable {@value #ENV_VARIABLE}; resource
 * {@value #RESOURCE} on the class loader. A location that is named but missing is an error; no
 * location at all gives empty.
 */
final class ConfigLocator {
  static final String SYSTEM_PROPERTY = "lexigram.cache.config";
  static final String ENV_VARIABLE = "LEX_CACHE_CONFIG";
  static final String RESOURCE = "lexigram-cache.yaml";

  private static final Logger log = LoggerFactory.getLogger(ConfigLocator.class);

  private ConfigLocator() {}

  static Optional<ConfigText> locate(
      URI uri, ClassLoader loader, Map<String, String> env, Properties systemProperties) {
    if (uri != null && "classpath".equalsIgnoreCase(uri.getScheme())) {
      return Optional.of(resource(uri.getSchemeSpecificPart(), loader, "CacheManager URI " + uri));
    }
    if (uri != null && "file".equalsIgnoreCase(uri.getScheme())) {
      return Optional.of(file(uri, "CacheManager URI " + uri));
    }
    if (uri != null && "jar".equalsIgnoreCase(uri.getScheme())) {
      // a resource inside a packaged application (Spring Boot hands its config location over as jar:)
      return Optional.of(jarEntry(uri, "CacheManager URI " + uri));
    }
    String property = systemProperties.getProperty(SYSTEM_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(setting(property.trim(), loader, "system property " + SYSTEM_PROPERTY));
    }
    String variable = env.get(ENV_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return Optional.of(setting(variable.trim(), loader, "environment variable " + ENV_VARIABLE));
    }
    URL url = loader.getResource(RESOURCE);
    return url == null ? Optional.empty() : Optional.of(read(url, loader, RESOURCE, "class path"));
  }

  /** Reads a location given as {@code classpath:x}, {@code file:x} or a plain path. */
  private static ConfigText setting(String value, ClassLoader loader, String setBy) {
    if (value.regionMatches(true, 0, "classpath:", 0, 10)) {
      return resource(value.substring(10), loader, setBy);
    }
    try {
      if (value.regionMatches(true, 0, "file:", 0, 5)) {
        String rest = value.substring(5);
        return rest.startsWith("//") ? file(URI.create(value), setBy) : file(Path.of(rest), setBy);
      }
      return file(Path.of(value), setBy);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(value, setBy, "not a usable path: " + e.getMessage(),
          "write classpath:name.yaml, file:/absolute/path.yaml or a plain file path", e);
    }
  }

  private static ConfigText resource(String name, ClassLoader loader, String setBy) {
    String resource = name.replaceFirst("^/+", "");
    URL url = loader.getResource(resource);
    if (url == null) {
      throw new InvalidConfigurationException("classpath:" + resource, setBy,
          "resource not found by the class loader",
          "put " + resource + " on the class path, or correct the " + setBy);
    }
    return read(url, loader, resource, setBy);
  }

  private static ConfigText read(URL url, ClassLoader loader, String resource, String setBy) {
    warnIfAmbiguous(loader, resource, url);
    try (InputStream in = unCached(url)) {
      return new ConfigText("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidConfigurationException("classpath:" + resource, setBy,
          "cannot read " + url + ": " + e.getMessage(), "make the resource readable", e);
    }
  }

  private static ConfigText jarEntry(URI uri, String setBy) {
    try (InputStream in = unCached(uri.toURL())) {
      return new ConfigText(uri.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidConfigurationException(uri.toString(), setBy, "cannot read the jar entry: " + e.getMessage(),
          "check that the jar contains the entry, or use classpath:name.yaml", e);
    }
  }

  /** Opens the URL without the JDK's jar cache, which would keep the jar file open. */
  private static InputStream unCached(URL url) throws IOException {
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false);
    return connection.getInputStream();
  }

  private static ConfigText file(URI uri, String setBy) {
    Path path;
    try {
      path = uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(uri.toString(), setBy,
          "not a usable file URI: " + e.getMessage(), "write it as file:/absolute/path.yaml", e);
    }
    return file(path, setBy);
  }

  private static ConfigText file(Path path, String setBy) {
    String source = "file:" + path.toAbsolutePath();
    try {
      return new ConfigText(source, Files.readString(path));
    } catch (NoSuchFileException e) {
      throw new InvalidConfigurationException(source, setBy, "file not found",
          "create the file, or correct the " + setBy, e);
    } catch (IOException e) {
      throw new InvalidConfigurationException(source, setBy, "cannot read the file: " + e,
          "make it a readable UTF-8 file", e);
    }
  }

  private static void warnIfAmbiguous(ClassLoader loader, String resource, URL used) {
    try {
      List<URL> all = Collections.list(loader.getResources(resource));
      if (all.size() > 1) {
        log.warn("{} is on the class path {} times; using {}", resource, all.size(), used);
      }
    } catch (IOException e) {
      log.debug("cannot list copies of {}", resource, e); // the warning is a courtesy only
    }
  }
}
