package dev.lexigram.cache.serial;

import java.io.Serializable;
import java.util.Objects;

/**
 * The default format, chosen per value: a {@code Serializable} value or a record goes through the
 * JDK format, which keeps every class exactly (including the key classes of frameworks, which have
 * no bean properties), and any other value through JSON, which needs no {@code Serializable}
 * (beans with a default constructor). A JDK stream starts with {@code 0xAC 0xED} and JSON text
 * never does, so reading needs no tag. Both formats share one allowlist. Thread-safe.
 */
final class AutoSerializer implements Serializer {

  static final String NAME = "auto";

  /** What to do about a value that is neither {@code Serializable} nor a record, and that JSON cannot write. */
  static final String JSON_FIX = "implement java.io.Serializable on it, or make it a record or a bean with"
      + " a default constructor";

  private static final byte MAGIC_0 = (byte) 0xAC;
  private static final byte MAGIC_1 = (byte) 0xED;

  private final Serializer java;
  private final Serializer json;

  AutoSerializer(Serializer java, Serializer json) {
    this.java = java;
    this.json = json;
  }

  @Override
  public byte[] serialize(Object value) {
    Objects.requireNonNull(value, "value");
    return (value instanceof Serializable || value instanceof Record) ? java.serialize(value) : json.serialize(value);
  }

  @Override
  public Object deserialize(byte[] payload) {
    return deserialize(Objects.requireNonNull(payload, "payload"), 0, payload.length);
  }

  @Override
  public Object deserialize(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    boolean jdk = length >= 2 && bytes[offset] == MAGIC_0 && bytes[offset + 1] == MAGIC_1;
    return (jdk ? java : json).deserialize(bytes, offset, length);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String toString() {
    return "Auto[" + java + ", " + json + "]";
  }
}
