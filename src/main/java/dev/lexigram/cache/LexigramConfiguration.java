package dev.lexigram.cache;

import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;

/**
 * A JCache configuration that can also name the backend a cache lives on. Pass it to
 * {@code CacheManager.createCache(name, configuration)}; without a backend (or with a plain
 * {@link MutableConfiguration}) a cache lives on the backend that {@code caches:} maps its name
 * to, or on the default backend.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class LexigramConfiguration<K, V> extends MutableConfiguration<K, V> {

  private static final long serialVersionUID = 1L;

  private String backend;

  /** Creates a configuration with the JCache defaults and no backend named. */
  public LexigramConfiguration() {}

  /**
   * Creates a copy of another configuration; the backend is copied too when the other is a
   * {@code LexigramConfiguration}.
   */
  public LexigramConfiguration(CompleteConfiguration<K, V> configuration) {
    super(configuration);
    if (configuration instanceof LexigramConfiguration<K, V> other) {
      this.backend = other.backend;
    }
  }

  /** Returns the name of the backend this cache lives on, or null for the default mapping. */
  public String getBackend() {
    return backend;
  }

  /**
   * Sets the backend this cache lives on.
   *
   * @param backend the name of a backend declared in the configuration file, or null
   * @return this configuration
   */
  public LexigramConfiguration<K, V> setBackend(String backend) {
    this.backend = backend;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    if (!super.equals(other)) {
      return false;
    }
    if (other instanceof LexigramConfiguration<?, ?> that) {
      return java.util.Objects.equals(backend, that.backend);
    }
    return backend == null;
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + java.util.Objects.hashCode(backend);
  }
}
