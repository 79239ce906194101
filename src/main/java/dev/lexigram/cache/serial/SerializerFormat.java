package dev.lexigram.cache.serial;

/** The wire formats a {@link Serializer} can be built for; see {@link Serializers.Builder#format}. */
public enum SerializerFormat {
  /**
   * The default: JDK serialization for {@code Serializable} values and for records (a record that
   * is not {@code Serializable} travels as its components), JSON for every other value (beans).
   * Reading tells the two apart by the JDK stream's magic bytes.
   */
  AUTO,
  /** Jackson JSON with type ids checked against the allowlist; human-readable. */
  JSON,
  /** Kryo binary; compact and fast, needs {@code com.esotericsoftware:kryo} on the class path. */
  KRYO,
  /** JDK serialization behind an allowlist {@link java.io.ObjectInputFilter}; values must be {@link java.io.Serializable}. */
  JAVA
}
