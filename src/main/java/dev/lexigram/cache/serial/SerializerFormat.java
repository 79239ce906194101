package dev.lexigram.cache.serial;

/** The wire formats a {@link Serializer} can be built for; see {@link Serializers.Builder#format}. */
public enum SerializerFormat {
  /** Jackson JSON with type ids checked against the allowlist; readable, the default. */
  JSON,
  /** Kryo binary; compact and fast, needs {@code com.esotericsoftware:kryo} on the class path. */
  KRYO,
  /** JDK serialization behind an allowlist {@link java.io.ObjectInputFilter}; values must be {@link java.io.Serializable}. */
  JAVA
}
