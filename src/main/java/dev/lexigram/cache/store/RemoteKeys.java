package dev.lexigram.cache.store;

import dev.lexigram.cache.serial.Serializer;
import java.util.Base64;
import java.util.Objects;

/**
 * How a remote store names a cache's keys: {@code keyPrefix:cacheName:encodedKey}. String keys
 * stay readable, so {@code deletePattern("product:*")} means what it says on the server too;
 * any other key is serialized and written as {@code ~} + URL-safe base64. A String key that
 * itself starts with {@code ~} gets a second {@code ~}, so every name decodes to exactly one key.
 *
 * <p>Immutable and thread-safe. Every remote backend uses this one codec, so a cache's keys have
 * the same names on Redis and memcached.
 */
public final class RemoteKeys {

  /** The prefix used when the backend configures none. */
  public static final String DEFAULT_PREFIX = "lexigram";

  private static final char MARK = '~';
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final String namespace;
  private final String leaseNamespace;
  private final Serializer serializer;

  /**
   * @param keyPrefix the backend's {@code key_prefix}, or null for {@value #DEFAULT_PREFIX}
   * @param cacheName the cache's name
   * @param serializer writes and reads keys that are not Strings
   */
  public RemoteKeys(String keyPrefix, String cacheName, Serializer serializer) {
    String prefix = keyPrefix == null ? DEFAULT_PREFIX : keyPrefix;
    this.namespace = prefix + ":" + Objects.requireNonNull(cacheName) + ":";
    this.leaseNamespace = prefix + "::lease:" + cacheName + ":";
    this.serializer = Objects.requireNonNull(serializer);
  }

  /** Returns {@code keyPrefix:cacheName:}, the start of every name of this cache. */
  public String namespace() {
    return namespace;
  }

  /** Returns the server-side name of a key. */
  public String nameOf(Object key) {
    return namespace + encode(key);
  }

  /**
   * Returns the server-side name of the lease of loading a key: {@code keyPrefix::lease:cacheName:encodedKey},
   * outside every cache's namespace (a cache name is never empty), so that no enumeration or clear
   * of a cache meets it.
   */
  public String leaseNameOf(Object key) {
    return leaseNamespace + encode(key);
  }

  /** Returns whether a server-side name belongs to this cache. */
  public boolean owns(String name) {
    return name.startsWith(namespace);
  }

  /**
   * Returns the key a server-side name stands for.
   *
   * @throws IllegalArgumentException if the name is not one of this cache's
   */
  public Object keyOf(String name) {
    if (!owns(name)) {
      throw new IllegalArgumentException("'" + name + "' is not a key of namespace '" + namespace + "'");
    }
    return decode(name.substring(namespace.length()));
  }

  /**
   * Returns the glob that matches, on the server, the names of this cache's keys whose String
   * form the given glob matches (the namespace is escaped; non-String keys are re-checked by the
   * caller with {@link Glob#matches} on the decoded key).
   */
  public Glob serverGlob(Glob keyGlob) {
    return Glob.compile(Glob.escape(namespace) + keyGlob.pattern());
  }

  private String encode(Object key) {
    if (key instanceof String text) {
      return (!text.isEmpty() && text.charAt(0) == MARK) ? MARK + text : text;
    }
    return MARK + ENCODER.encodeToString(serializer.serialize(key));
  }

  private Object decode(String encoded) {
    if (encoded.isEmpty() || encoded.charAt(0) != MARK) {
      return encoded;
    }
    if (encoded.length() > 1 && encoded.charAt(1) == MARK) {
      return encoded.substring(1);
    }
    return serializer.deserialize(DECODER.decode(encoded.substring(1)));
  }
}
