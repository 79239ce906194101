package dev.lexigram.cache.config;

/**
 * The value serializer selected by {@code cache.service.serializer}, written in configuration as
 * {@code json}, {@code kryo} or {@code java} (any letter case).
 */
public enum SerializerKind {
  /** Jackson JSON; the default. */
  JSON,
  /** Kryo; needs {@code com.esotericsoftware:kryo} on the classpath. */
  KRYO,
  /** JDK serialization, restricted to {@code allowed_types}. */
  JAVA
}
