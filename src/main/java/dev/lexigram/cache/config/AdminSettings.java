package dev.lexigram.cache.config;

import static java.util.Objects.requireNonNull;

/**
 * The validated {@code cache.service.admin} section: a small read-only status page of the
 * manager, served by the JDK's HTTP server. Off by default; on loopback unless {@code bind} says
 * otherwise, which needs a {@code token} (sent as {@code Authorization: Bearer <token>} or
 * {@code ?token=<token>}).
 *
 * @param enabled whether the page is served (default false)
 * @param bind the address to listen on; default {@code 127.0.0.1}
 * @param port the port; 0 picks a free one (logged, and shown by the manager); default 9190
 * @param token the token every request must carry, or null (allowed only on a loopback address)
 */
public record AdminSettings(boolean enabled, String bind, int port, String token) {

  /** The default {@code port}. */
  public static final int DEFAULT_PORT = 9190;

  /**
   * Checks the components.
   *
   * @throws NullPointerException if bind is null
   * @throws IllegalArgumentException if port is outside 0 to 65535
   */
  public AdminSettings {
    requireNonNull(bind, "bind");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port is out of range: " + port);
    }
  }

  /** Off, loopback, port 9190, no token. */
  public static AdminSettings defaults() {
    return new AdminSettings(false, "127.0.0.1", DEFAULT_PORT, null);
  }

  /**
   * Whether {@code bind} is this machine by name or address ({@code 127.x.y.z}, {@code ::1},
   * {@code localhost}), as {@link HostPort#isLoopback} decides it for every address of the config.
   */
  public boolean bindsLoopback() {
    String host = bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
    return new HostPort(host, -1).isLoopback();
  }

  /** Masks the token. */
  @Override
  public String toString() {
    return "AdminSettings[enabled=" + enabled + ", bind=" + bind + ", port=" + port + ", token="
        + (token == null ? null : Secrets.MASK) + "]";
  }
}
