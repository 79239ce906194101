package dev.lexigram.cache.config;

/**
 * An optional client library some settings need, the class that shows it is present, and the
 * artifact to add when it is not.
 */
enum ClientJar {
  LETTUCE("io.lettuce.core.RedisClient", "io.lettuce:lettuce-core:6.8.0.RELEASE"),
  SPYMEMCACHED("net.spy.memcached.MemcachedClient", "net.spy:spymemcached:2.12.3"),
  KRYO("com.esotericsoftware.kryo.Kryo", "com.esotericsoftware:kryo:5.6.2");

  private final String className;
  private final String artifact;

  ClientJar(String className, String artifact) {
    this.className = className;
    this.artifact = artifact;
  }

  String className() {
    return className;
  }

  String artifact() {
    return artifact;
  }

  /** Whether the class loader can load the marker class (it is not initialized). */
  boolean isPresent(ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false; // absent or unusable: either way the artifact must be added
    }
  }

  /** The error for a setting at {@code key} that needs this jar; the caller throws it. */
  InvalidConfigurationException missing(ConfigErrors errors, String key, String setting) {
    return errors.at(key, setting + " needs " + className + ", which is not on the class path",
        "add " + artifact + " to your dependencies");
  }
}
