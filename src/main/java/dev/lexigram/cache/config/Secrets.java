package dev.lexigram.cache.config;

import java.util.Locale;
import java.util.Set;

/** Keeps passwords and signing keys out of {@code toString()} output and error messages. */
final class Secrets {
  static final String MASK = "***";

  private static final Set<String> SECRET_KEYS = Set.of("password", "signing_keys");

  private Secrets() {}

  /** Whether the value at this key path (e.g. {@code cache.service.signing_keys[0]}) is a secret. */
  static boolean isSecretKey(String keyPath) {
    String last = keyPath.substring(keyPath.lastIndexOf('.') + 1);
    int index = last.indexOf('[');
    String name = index < 0 ? last : last.substring(0, index);
    return SECRET_KEYS.contains(name.replace('-', '_').toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the URL with the password of its user info replaced by {@value #MASK}
   * ({@code redis://user:***@host}); user info without a colon is a password to Lettuce, so it is
   * masked whole. Everything up to the last {@code @} is treated as user info, so that a password
   * with unencoded {@code #}, {@code /} or {@code ?} is masked too. Returns null for null.
   */
  static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    int schemeEnd = url.indexOf("://");
    int start = schemeEnd + 3;
    int at = url.lastIndexOf('@');
    if (schemeEnd < 0 || at < start) {
      return url;
    }
    int colon = url.indexOf(':', start);
    String user = colon >= 0 && colon < at ? url.substring(start, colon + 1) : "";
    return url.substring(0, start) + user + MASK + url.substring(at);
  }

  /** The index just past the authority that starts at {@code from}. */
  static int authorityEnd(String url, int from) {
    for (int i = from; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return url.length();
  }
}
