package dev.lexigram.cache.config;

/**
 * Creates {@link InvalidConfigurationException}s for one configuration source; the caller throws
 * them. Errors about keys set by an environment override name that variable as their source.
 */
final class ConfigErrors {
  private final String source;
  private final Origins origins;

  ConfigErrors(String source, Origins origins) {
    this.source = source;
    this.origins = origins;
  }

  /** Errors for a source without environment overrides. */
  static ConfigErrors of(String source) {
    return new ConfigErrors(source, new Origins());
  }

  /** Returns the exception for {@code problem} at {@code key}; the caller throws it. */
  InvalidConfigurationException at(String key, String problem, String fix) {
    return new InvalidConfigurationException(origins.sourceOf(key, source), key, problem, fix);
  }

  /** Returns the exception for {@code problem} at {@code key}, caused by {@code cause}. */
  InvalidConfigurationException at(String key, String problem, String fix, Throwable cause) {
    return new InvalidConfigurationException(
        origins.sourceOf(key, source), key, problem, fix, cause);
  }
}
