package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.testing.ConfigFiles;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A lexigram-cache YAML file with one redis backend, written to a temporary file so that a cache
 * manager (in this JVM or another) can be opened on its {@code file:} URI, as an application would.
 */
final class RedisConfigFile {

  private RedisConfigFile() {}

  /** Writes a file with the default (JSON) serializer and returns its URI. */
  static URI write(String backendName, String url, String keyPrefix, Duration timeout) {
    return write(backendName, url, keyPrefix, timeout, List.of(), null);
  }

  /**
   * Writes the file and returns its URI.
   *
   * @param allowedTypes the allowlist of java serialization; empty for the JSON default
   * @param signingKey the one signing key, at least 32 characters; null for unsigned values
   */
  static URI write(String backendName, String url, String keyPrefix, Duration timeout, List<String> allowedTypes,
      String signingKey) {
    StringBuilder yaml = new StringBuilder()
        .append("cache:\n")
        .append("  backends:\n")
        .append("    - name: ").append(backendName).append('\n')
        .append("      type: redis\n")
        .append("      url: ").append(url).append('\n')
        .append("      key_prefix: ").append(keyPrefix).append('\n')
        .append("      timeout: ").append(timeout.toMillis()).append("ms\n");
    yaml.append("  service:\n");
    if (!allowedTypes.isEmpty()) {
      yaml.append("    serializer: java\n")
          .append("    allowed_types:\n");
      allowedTypes.forEach(type -> yaml.append("      - \"").append(type).append("\"\n"));
    }
    if (signingKey != null) {
      yaml.append("    signing_keys:\n")
          .append("      - \"").append(signingKey).append("\"\n");
    }
    return ConfigFiles.writeTemporary(backendName, yaml);
  }
}
