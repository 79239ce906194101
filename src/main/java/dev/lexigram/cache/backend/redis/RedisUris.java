package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StaticCredentialsProvider;
import io.lettuce.core.cluster.RedisClusterURIUtil;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a backend's url into Lettuce {@link RedisURI}s: one for a standalone server or a Sentinel
 * url ({@code redis-sentinel://s1,s2/0#master}), one per host when a {@code redis://} or
 * {@code rediss://} url lists several (the seed nodes of a cluster). The backend's own
 * {@code username}/{@code password} and timeout are applied to each.
 */
final class RedisUris {

  private RedisUris() {}

  static boolean isSentinel(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("redis-sentinel://") || lower.startsWith("rediss-sentinel://");
  }

  /** Returns the URI of the url, or one per host when a non-Sentinel url lists several (cluster seeds). */
  static List<RedisURI> of(BackendSettings settings, RedisFailures failures) {
    if (settings.url() == null) {
      throw new StoreException(Kind.CONFIGURATION, failures.describe("no url is configured. Fix: set url: redis://host:6379/0"));
    }
    List<RedisURI> uris;
    try {
      uris = !isSentinel(settings.url()) && hostsOf(settings.url()).contains(",")
          ? new ArrayList<>(RedisClusterURIUtil.toRedisURIs(URI.create(settings.url())))
          : List.of(RedisURI.create(settings.url()));
    } catch (RuntimeException e) {
      // Lettuce's message may quote the URL with its password, so it is not passed on
      throw new StoreException(Kind.CONFIGURATION, failures.describe("the url cannot be used ("
          + e.getClass().getSimpleName() + "). Fix: use redis://[user:password@]host:6379/0, or"
          + " redis://host1:6379,host2:6379 for a cluster"));
    }
    for (RedisURI uri : uris) {
      if (settings.password() != null) {
        // the backend's own user and password win over any in the url (null user = the default user)
        uri.setCredentialsProvider(new StaticCredentialsProvider(settings.username(), settings.password().toCharArray()));
      }
      uri.setTimeout(settings.timeout());
    }
    return uris;
  }

  /** Returns the part of the url between {@code ://} (and any user info) and the path. */
  private static String hostsOf(String url) {
    int start = url.indexOf("://") + 3;
    String authority = url.substring(start, authorityEnd(url, start));
    return authority.substring(authority.lastIndexOf('@') + 1);
  }

  /** Returns the database number in the url's path ({@code /3}), 0 when there is none. */
  static int databaseOf(String url) {
    int slash = authorityEnd(url, url.indexOf("://") + 3);
    if (slash >= url.length() || url.charAt(slash) != '/') {
      return 0;
    }
    int end = slash + 1;
    while (end < url.length() && Character.isDigit(url.charAt(end))) {
      end++;
    }
    return end == slash + 1 ? 0 : Integer.parseInt(url.substring(slash + 1, Math.min(end, slash + 10)));
  }

  private static int authorityEnd(String url, int start) {
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    return end;
  }
}
