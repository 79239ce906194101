package dev.lexigram.cache.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of a Redis URL that validation needs: scheme, credentials and hosts. Accepts
 * {@code redis://}, {@code rediss://}, {@code redis-sentinel://} and {@code rediss-sentinel://},
 * several comma-separated hosts (Sentinels, or the seed nodes of a Redis Cluster), and Lettuce's convention that user info without a
 * colon is a password. Parsing throws {@link IllegalArgumentException} with a reason.
 *
 * @param scheme lowercased scheme
 * @param password the password in the user info, or null
 * @param hosts at least one
 */
record RedisUrl(String scheme, String password, List<HostPort> hosts) {
  static final Set<String> SCHEMES =
      Set.of("redis", "rediss", "redis-sentinel", "rediss-sentinel");
  static final String EXAMPLE = "redis://[user:password@]host:6379/0 (rediss:// for TLS, "
      + "redis-sentinel://host:26379/0#master for Sentinel, redis://host1:6379,host2:6379 for a cluster)";

  static RedisUrl parse(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd <= 0) {
      throw new IllegalArgumentException("it has no scheme://");
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException("the scheme '" + scheme + "' is not one of redis, rediss, "
          + "redis-sentinel, rediss-sentinel");
    }
    int start = schemeEnd + 3;
    String authority = url.substring(start, Secrets.authorityEnd(url, start));
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    var hosts = new ArrayList<HostPort>();
    try {
      for (String host : authority.substring(at + 1).split(",", -1)) {
        hosts.add(HostPort.parse(host.trim(), false));
      }
    } catch (IllegalArgumentException e) {
      // the reason would quote the text, which may be part of a password: say what is expected
      throw new IllegalArgumentException("the part after :// is not "
          + "[user:password@]host[:port][,host[:port]…] (characters such as # / ? @ in a password "
          + "must be percent-encoded)", e);
    }
    return new RedisUrl(scheme, password(userInfo), List.copyOf(hosts));
  }

  private static String password(String userInfo) {
    if (userInfo == null) {
      return null;
    }
    int colon = userInfo.indexOf(':');
    String password = colon < 0 ? userInfo : userInfo.substring(colon + 1);
    return password.isEmpty() ? null : password;
  }

  /** Whether traffic to this URL is unencrypted. */
  boolean isPlaintext() {
    return !scheme.startsWith("rediss");
  }
}
