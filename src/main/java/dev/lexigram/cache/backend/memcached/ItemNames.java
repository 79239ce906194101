package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.store.RemoteKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The memcached item name of each key of one cache. The full name comes from {@link RemoteKeys}
 * ({@code keyPrefix:cacheName:encodedKey}); memcached holds it as it is when it is at most 250
 * bytes of printable ASCII without spaces. Any other name is replaced by {@code prefix#hash}, the
 * hash being SHA-256 of the full name in URL-safe base64, where {@code prefix} is the cache's
 * namespace, or {@code #hash-of-namespace:} when the namespace itself is not a valid name. The
 * record of a hashed item keeps the full name, and reads compare it, so that two names with one
 * hash can only cost a miss. Immutable and thread-safe.
 */
final class ItemNames {

  static final int MAX_NAME_BYTES = 250;
  private static final int HASH_CHARS = 43; // 32 bytes of SHA-256 in unpadded base64

  private final RemoteKeys keys;
  private final String prefix;

  ItemNames(RemoteKeys keys) {
    this.keys = keys;
    String namespace = keys.namespace();
    this.prefix = isValid(namespace) && namespace.length() + 1 + HASH_CHARS <= MAX_NAME_BYTES
        ? namespace : "#" + hash(namespace) + ":";
  }

  /** One key's names: the one memcached holds and, when that is a hash, the full one. */
  record ItemName(String item, String fullName) {
    boolean isHashed() {
      return !item.equals(fullName);
    }
  }

  RemoteKeys keys() {
    return keys;
  }

  /** Returns the start shared by every item name of this cache. */
  String prefix() {
    return prefix;
  }

  ItemName of(Object key) {
    String full = keys.nameOf(key);
    return new ItemName(isValid(full) ? full : prefix + "#" + hash(full), full);
  }

  /** Returns whether an item name of this cache may be a hash, whose record then holds the full name. */
  boolean mayBeHashed(String item) {
    return item.length() == prefix.length() + 1 + HASH_CHARS && item.startsWith(prefix)
        && item.charAt(prefix.length()) == '#';
  }

  /** Returns whether memcached can hold the name as it is. */
  static boolean isValid(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_BYTES) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  static String hash(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
