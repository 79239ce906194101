package dev.lexigram.cache.testing;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.config.Environment;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.config.ServiceSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings for tests that run a memcached backend on servers started by {@link MemcachedServerExtension}. */
public final class MemcachedSettings {

  /** The operation timeout of test backends. */
  public static final Duration TIMEOUT = Duration.ofSeconds(2);

  private MemcachedSettings() {}

  /** Returns a default memcached backend named {@code name} on the given {@code host:port} servers. */
  public static BackendSettings backend(String name, List<String> servers) {
    return backend(name, servers, TIMEOUT);
  }

  /** Returns a default memcached backend named {@code name} with the given operation timeout. */
  public static BackendSettings backend(String name, List<String> servers, Duration timeout) {
    return new BackendSettings(name, BackendType.MEMCACHED, true, null, null, null, null, servers, null, null, timeout);
  }

  /** Returns settings whose only backend, the default, is memcached on the given servers. */
  public static LexigramSettings withDefaultBackend(List<String> servers) {
    return withDefaultBackend(backend("memcached", servers));
  }

  /** Returns settings whose only backend, the default, is the given one. */
  public static LexigramSettings withDefaultBackend(BackendSettings backend) {
    return new LexigramSettings("memcached test settings", List.of(backend), Map.of(),
        ServiceSettings.defaults(), Environment.DEVELOPMENT);
  }
}
