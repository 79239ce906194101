package dev.lexigram.cache.semantic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Converts an embedding to and from the bytes a backend stores: IEEE 754 float32 values, each in
 * little-endian byte order, one after the other with no header, so a vector of dimension
 * {@code d} takes exactly {@code 4 * d} bytes. The order is fixed, whatever the platform, so that
 * every process reads what any other wrote; it is also the blob layout Redis' vector fields use.
 *
 * <p>Both directions refuse a vector that is empty or holds NaN or an infinity: an embedding must
 * be finite, and one such value would turn every similarity computed with it into NaN.
 *
 * <p>Stateless and thread-safe.
 */
public final class VectorCodec {

  /** Bytes per vector component. */
  public static final int BYTES_PER_FLOAT = Float.BYTES;

  private VectorCodec() {}

  /**
   * Returns the float32 little-endian bytes of the vector.
   *
   * @throws IllegalArgumentException if the vector is empty or a component is NaN or infinite
   */
  public static byte[] encode(float[] vector) {
    Objects.requireNonNull(vector, "vector");
    requireUsable(vector, "encode");
    byte[] bytes = new byte[vector.length * BYTES_PER_FLOAT];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(vector);
    return bytes;
  }

  /**
   * Returns the vector written by {@link #encode}, checking that it has the expected dimension.
   *
   * @param expectedDimension the dimension of the embedding model that wrote the vector
   * @throws IllegalArgumentException if the length is not a multiple of 4, the dimension differs
   *     from the expected one, or a component is NaN or infinite
   */
  public static float[] decode(byte[] bytes, int expectedDimension) {
    Objects.requireNonNull(bytes, "bytes");
    if (expectedDimension <= 0) {
      throw new IllegalArgumentException("The expected dimension must be positive, not " + expectedDimension);
    }
    if (bytes.length % BYTES_PER_FLOAT != 0) {
      throw new IllegalArgumentException("A float32 vector takes a multiple of 4 bytes, not " + bytes.length);
    }
    int dimension = bytes.length / BYTES_PER_FLOAT;
    if (dimension != expectedDimension) {
      throw new IllegalArgumentException("The vector has dimension " + dimension + " (" + bytes.length
          + " bytes), the expected dimension is " + expectedDimension);
    }
    float[] vector = new float[dimension];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    requireUsable(vector, "decode");
    return vector;
  }

  private static void requireUsable(float[] vector, String operation) {
    if (vector.length == 0) {
      throw new IllegalArgumentException("Cannot " + operation + " an empty vector: an embedding has at least one dimension");
    }
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        throw new IllegalArgumentException("Cannot " + operation + " a vector holding " + vector[i] + " at index " + i
            + ": an embedding must be finite");
      }
    }
  }
}
