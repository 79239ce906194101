package dev.lexigram.cache.config;

import java.util.Locale;

/**
 * A server address, {@code host:port}, {@code [ipv6]:port}, or a bare host when a default port
 * is allowed. Parsing throws {@link IllegalArgumentException} with a reason a user can act on.
 *
 * @param host the host name or address, without brackets
 * @param port 1–65535, or -1 when absent
 */
record HostPort(String host, int port) {

  static HostPort parse(String text, boolean portRequired) {
    String host;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("'[' without ']' around an IPv6 address");
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("unexpected text after the IPv6 address");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = text.lastIndexOf(':');
      if (colon >= 0 && text.indexOf(':') != colon) {
        throw new IllegalArgumentException("an IPv6 address must be written in brackets, [::1]:11211");
      }
      host = colon < 0 ? text : text.substring(0, colon);
      port = colon < 0 ? null : text.substring(colon + 1);
    }
    if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("the host is missing or contains spaces");
    }
    if (port == null) {
      if (portRequired) {
        throw new IllegalArgumentException("the port is missing");
      }
      return new HostPort(host, -1);
    }
    return new HostPort(host, port(port));
  }

  private static int port(String text) {
    if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
      throw new IllegalArgumentException("the port '" + text + "' is not a number from 1 to 65535");
    }
    return Integer.parseInt(text);
  }

  /** Whether the host is this machine by name or address (no name resolution). */
  boolean isLoopback() {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
