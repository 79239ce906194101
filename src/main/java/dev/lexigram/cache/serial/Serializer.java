package dev.lexigram.cache.serial;

import java.util.Arrays;
import java.util.Objects;

/**
 * Turns cache values into bytes and back. The payload carries the value's type, so
 * {@link #deserialize} returns an instance of the class that was written: a record comes back as
 * that record, the elements of a {@code Map<String, List<MyRecord>>} as {@code MyRecord}s, and a
 * {@code LinkedHashMap} with its order.
 *
 * <p>Implementations are thread-safe. Instances come from {@link Serializers#builder()}.
 */
public interface Serializer {

  /**
   * Returns the payload for a value.
   *
   * @param value the value to write; never null
   * @return a new byte array, never null
   * @throws NullPointerException if {@code value} is null
   * @throws SerializationException with {@link SerializationException.Reason#NOT_WRITABLE} if this
   *     format cannot write the value's class, or {@link SerializationException.Reason#TYPE_NOT_ALLOWED}
   *     if the value holds a class that is not on the allowlist
   */
  byte[] serialize(Object value);

  /**
   * Returns the value a payload of {@link #serialize} holds, of the class that was written.
   *
   * @param payload bytes from {@link #serialize}; never null, not modified
   * @return the value, never null
   * @throws NullPointerException if {@code payload} is null
   * @throws SerializationException with {@link SerializationException.Reason#CORRUPT} for bytes
   *     this serializer did not write, {@link SerializationException.Reason#TYPE_NOT_ALLOWED} for a
   *     payload naming a class outside the allowlist, and {@code UNSIGNED} or {@code TAMPERED} when
   *     signing is on and the payload fails verification
   */
  Object deserialize(byte[] payload);

  /**
   * Returns the value held by {@code length} bytes of {@code bytes} from {@code offset}, exactly as
   * {@link #deserialize(byte[])} returns it for a payload of just those bytes. A store whose record
   * carries the payload after a header reads it in place, without copying it out first.
   *
   * <p>The default copies the range and calls {@link #deserialize(byte[])}; the serializers of
   * this package read the range where it is.
   *
   * @param bytes holds the payload; never null, not modified
   * @param offset where the payload starts
   * @param length how many bytes the payload has
   * @return the value, never null
   * @throws IndexOutOfBoundsException if the range is not within {@code bytes}
   * @throws SerializationException as {@link #deserialize(byte[])}
   */
  default Object deserialize(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return deserialize(offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /**
   * Returns the short name of the wire format, {@code "json"}, {@code "kryo"} or {@code "java"},
   * as used in configuration and error messages. Decorators return the name of the format they wrap.
   *
   * @return the format name, never null
   */
  String name();
}
