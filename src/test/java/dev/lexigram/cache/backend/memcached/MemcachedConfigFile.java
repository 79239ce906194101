package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.testing.ConfigFiles;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A lexigram-cache YAML file with one memcached backend, written to a temporary file so that a
 * cache manager can be opened on its {@code file:} URI through the standard API, as an
 * application would; credentials go through the same keys an application's file uses.
 */
final class MemcachedConfigFile {

  private MemcachedConfigFile() {}

  /**
   * Writes the file and returns its URI.
   *
   * @param username the SASL user, or null for none
   * @param password the SASL password, or null for none
   */
  static URI write(String backendName, List<String> servers, String username, String password, Duration timeout) {
    StringBuilder yaml = new StringBuilder()
        .append("cache:\n")
        .append("  backends:\n")
        .append("    - name: ").append(backendName).append('\n')
        .append("      type: memcached\n")
        .append("      servers: [").append(String.join(", ", servers)).append("]\n")
        .append("      timeout: ").append(timeout.toMillis()).append("ms\n");
    if (username != null) {
      yaml.append("      username: ").append(quoted(username)).append('\n');
    }
    if (password != null) {
      yaml.append("      password: ").append(quoted(password)).append('\n');
    }
    return ConfigFiles.writeTemporary(backendName, yaml);
  }

  /** Returns the text as a YAML single-quoted scalar. */
  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
