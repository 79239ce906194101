package dev.lexigram.cache.semantic.index;

import java.util.Objects;

/** Checks a vector given to {@link FlatIndex} and scales a copy of it to unit length. */
final class UnitVectors {

  private UnitVectors() {}

  /**
   * Returns a copy of the vector scaled to length 1.
   *
   * @param role what the vector is, for the messages ({@code "vector"}, {@code "query"})
   * @throws IllegalArgumentException if its dimension is not {@code dimension}, a component is NaN
   *     or infinite, or it is the zero vector
   */
  static float[] unitCopy(float[] vector, int dimension, String role) {
    Objects.requireNonNull(vector, role);
    if (vector.length != dimension) {
      throw new IllegalArgumentException("The " + role + " has dimension " + vector.length
          + ", the index holds vectors of dimension " + dimension);
    }
    // in double: the squares of float components neither overflow nor underflow there
    double squares = 0;
    for (int i = 0; i < dimension; i++) {
      float component = vector[i];
      if (!Float.isFinite(component)) {
        throw new IllegalArgumentException("The " + role + " holds " + component + " at index " + i
            + ": a vector must be finite");
      }
      squares += (double) component * component;
    }
    if (squares == 0) {
      throw new IllegalArgumentException("The " + role + " is the zero vector: it has no direction, "
          + "so no cosine similarity");
    }
    double scale = 1 / Math.sqrt(squares);
    float[] unit = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      unit[i] = (float) (vector[i] * scale);
    }
    return unit;
  }
}
