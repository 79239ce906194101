package dev.lexigram.cache.config;

/**
 * The value serializer selected by {@code cache.service.serializer}, written in configuration as
 * {@code auto}, {@code json}, {@code kryo} or {@code java} (any letter case).
 */
public enum SerializerKind {
  /** The default: JDK serialization for {@code Serializable} values and records, JSON for other beans. */
  AUTO,
  /** Jackson JSON. */
  JSON,
  /** Kryo; needs {@code com.esotericsoftware:kryo} on the classpath. */
  KRYO,
  /** JDK serialization. */
  JAVA
}
