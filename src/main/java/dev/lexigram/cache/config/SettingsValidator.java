package dev.lexigram.cache.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks parsed settings against each other and the class path: backend names and the default,
 * each backend against its type ({@link BackendRules}), caches against backends, the service
 * section ({@link ServiceRules}) and, in production, security ({@link ProductionRules}). The first
 * problem found is thrown.
 */
final class SettingsValidator {
  private final ConfigErrors errors;
  private final ClassLoader loader;

  SettingsValidator(ConfigErrors errors, ClassLoader loader) {
    this.errors = errors;
    this.loader = loader;
  }

  void validate(ParsedSettings settings) {
    List<BackendSettings> backends = settings.backends();
    uniqueNames(backends);
    oneDefault(backends);
    var rules = new BackendRules(errors, loader);
    for (int i = 0; i < backends.size(); i++) {
      rules.check(backends.get(i), path(i));
    }
    new CacheRules(errors, backends).check(settings.caches());
    new ServiceRules(errors, loader).check(settings.service());
    if (settings.environment() == Environment.PRODUCTION) {
      new ProductionRules(errors).check(backends);
    }
  }

  private void uniqueNames(List<BackendSettings> backends) {
    var first = new HashMap<String, Integer>();
    for (int i = 0; i < backends.size(); i++) {
      Integer earlier = first.putIfAbsent(backends.get(i).name(), i);
      if (earlier != null) {
        throw errors.at(path(i) + ".name", "duplicate backend name '" + backends.get(i).name()
            + "' (also " + path(earlier) + ")", "give each backend a unique name");
      }
    }
  }

  private void oneDefault(List<BackendSettings> backends) {
    Integer first = null;
    for (int i = 0; i < backends.size(); i++) {
      if (!backends.get(i).isDefault()) {
        continue;
      }
      if (first != null) {
        throw errors.at(path(i) + ".default", "'" + backends.get(i).name()
            + "' is marked default, but so is '" + backends.get(first).name() + "' (" + path(first) + ")",
            "keep default: true on exactly one backend");
      }
      first = i;
    }
    if (first == null) {
      throw errors.at("cache.backends", backends.size() + " backends (" + names(backends)
          + ") and none has default: true", "add default: true to the backend that caches should use "
          + "when they name none");
    }
  }

  static String path(int index) {
    return "cache.backends[" + index + "]";
  }

  static String names(List<BackendSettings> backends) {
    return String.join(", ", backends.stream().map(BackendSettings::name).toList());
  }

  /** Index of backends by name, for rules that look them up. */
  static Map<String, BackendSettings> byName(List<BackendSettings> backends) {
    var byName = new HashMap<String, BackendSettings>();
    backends.forEach(b -> byName.put(b.name(), b));
    return byName;
  }
}
