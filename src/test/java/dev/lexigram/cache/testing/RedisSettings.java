package dev.lexigram.cache.testing;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.BackendType;
import dev.lexigram.cache.config.LexigramSettings;
import java.time.Duration;
import java.util.List;

/** Settings for tests that run a Redis backend on a server started by {@link RedisServerExtension}. */
public final class RedisSettings {

  private RedisSettings() {}

  /**
   * Returns settings whose only backend, the default, is Redis at the URL with the key prefix and a
   * 2 s timeout; named after the test class for messages.
   */
  public static LexigramSettings withDefaultBackend(String source, String url, String keyPrefix) {
    LexigramSettings defaults = LexigramSettings.defaults();
    BackendSettings redis = new BackendSettings("redis", BackendType.REDIS, true, null, null, url, keyPrefix,
        List.of(), null, null, Duration.ofSeconds(2));
    return new LexigramSettings(source, List.of(redis), defaults.caches(), defaults.service(), defaults.environment());
  }
}
