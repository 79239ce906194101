package dev.lexigram.cache.semantic.index;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DotProduct} with the JDK Vector API: two fused multiply-add accumulators of the
 * platform's widest float vector. Compiled on its own (it needs {@code --add-modules
 * jdk.incubator.vector}) and loaded only when that module is in the boot layer.
 */
public final class VectorApiDot implements DotProduct {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  @Override
  public float dot(float[] rows, int offset, float[] query) {
    int step = SPECIES.length();
    int length = query.length;
    FloatVector a = FloatVector.zero(SPECIES);
    FloatVector b = FloatVector.zero(SPECIES);
    int i = 0;
    for (; i <= length - 2 * step; i += 2 * step) {
      a = FloatVector.fromArray(SPECIES, rows, offset + i).fma(FloatVector.fromArray(SPECIES, query, i), a);
      b = FloatVector.fromArray(SPECIES, rows, offset + i + step).fma(FloatVector.fromArray(SPECIES, query, i + step), b);
    }
    float sum = a.add(b).reduceLanes(VectorOperators.ADD);
    for (; i < length; i++) {
      sum += rows[offset + i] * query[i];
    }
    return sum;
  }

  @Override
  public String toString() {
    return "vector-api (" + SPECIES.vectorBitSize() + "-bit)";
  }
}
