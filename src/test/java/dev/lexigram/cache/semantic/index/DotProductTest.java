package dev.lexigram.cache.semantic.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The unit tests run with {@code --add-modules jdk.incubator.vector} (see the pom): both dot products are here. */
class DotProductTest {

  @Test
  void withTheModule_theVectorApiIsChosen() {
    assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
    assertThat(DotProduct.best()).isNotSameAs(DotProduct.SCALAR);
    assertThat(DotProduct.describe()).startsWith("vector-api (");
  }

  @Test
  void vectorApiAndScalar_agree_atEveryLengthAndOffset() {
    var random = new Random(42);
    DotProduct vector = DotProduct.best();
    for (int length : new int[] {1, 7, 8, 15, 16, 31, 32, 33, 64, 100, 384, 385, 768, 1536}) {
      float[] query = new float[length];
      float[] rows = new float[3 * length + 5];
      for (int i = 0; i < length; i++) {
        query[i] = random.nextFloat() * 2 - 1;
      }
      for (int i = 0; i < rows.length; i++) {
        rows[i] = random.nextFloat() * 2 - 1;
      }
      for (int offset : new int[] {0, 1, length, 2 * length + 5}) {
        double exact = 0;
        for (int i = 0; i < length; i++) {
          exact += (double) rows[offset + i] * query[i];
        }
        assertThat((double) vector.dot(rows, offset, query)).as("vector, length %d offset %d", length, offset)
            .isCloseTo(exact, within(1e-4 * Math.sqrt(length)));
        assertThat((double) DotProduct.SCALAR.dot(rows, offset, query)).as("scalar, length %d offset %d", length, offset)
            .isCloseTo(exact, within(1e-4 * Math.sqrt(length)));
      }
    }
  }
}
