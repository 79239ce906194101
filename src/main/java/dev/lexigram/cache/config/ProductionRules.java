package dev.lexigram.cache.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses, in {@code environment: production}, what is acceptable on a developer's machine:
 * plaintext Redis traffic to a host other than loopback, and passwords (the {@code password} key
 * or one inside the URL) shorter than {@value #MIN_PASSWORD_LENGTH} characters or built from a
 * commonly used one. Passwords are never shown in messages.
 */
final class ProductionRules {
  static final int MIN_PASSWORD_LENGTH = 16;

  private static final Set<String> COMMON = Set.of("password", "passw0rd", "changeme", "secret",
      "redis", "memcached", "admin", "administrator", "root", "default", "guest", "test", "letmein",
      "welcome", "qwerty", "123456", "12345678", "123456789", "1234567890", "abc123", "foobar");
  private static final String PASSWORD_FIX = "use a generated secret of at least " + MIN_PASSWORD_LENGTH
      + " characters (e.g. openssl rand -base64 24) supplied through a placeholder such as ${REDIS_PASSWORD}";

  private final ConfigErrors errors;

  ProductionRules(ConfigErrors errors) {
    this.errors = errors;
  }

  void check(List<BackendSettings> backends) {
    for (int i = 0; i < backends.size(); i++) {
      String path = "cache.backends[" + i + "]";
      BackendSettings backend = backends.get(i);
      password(backend.password(), path + ".password");
      if (backend.url() != null) {
        RedisUrl url = RedisUrl.parse(backend.url()); // already checked by BackendRules
        password(url.password(), path + ".url");
        plaintext(url, path + ".url");
      }
    }
  }

  private void plaintext(RedisUrl url, String key) {
    if (!url.isPlaintext()) {
      return;
    }
    for (HostPort host : url.hosts()) {
      if (!host.isLoopback()) {
        throw errors.at(key, "plaintext " + url.scheme() + ":// to '" + host.host()
            + "' is refused in production", "use " + url.scheme().replace("redis", "rediss")
            + ":// (TLS), or set environment: to something other than production for local work");
      }
    }
  }

  private void password(String password, String key) {
    if (password == null) {
      return;
    }
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw errors.at(key, "the password is " + password.length() + " characters; production needs at least "
          + MIN_PASSWORD_LENGTH, PASSWORD_FIX);
    }
    if (isCommon(password)) {
      throw errors.at(key, "the password is a commonly used one", PASSWORD_FIX);
    }
  }

  /** Whether the password is a common one, repeated or followed by digits and punctuation. */
  static boolean isCommon(String password) {
    String lower = password.toLowerCase(Locale.ROOT);
    String stem = lower.replaceFirst("[\\d\\p{Punct}]+$", "");
    return COMMON.stream().anyMatch(word -> lower.replace(word, "").isEmpty()
        || stem.replace(word, "").isEmpty());
  }
}
