package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The float32 little-endian blob of an embedding, and what it refuses. */
class VectorCodecTest {

  @Test
  void encode_writesEachFloatLittleEndian() {
    // 1.0f = 0x3F800000, -2.0f = 0xC0000000
    assertThat(VectorCodec.encode(new float[] {1f, -2f}))
        .containsExactly(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0);
  }

  @Test
  void decode_ofEncode_returnsTheSameBits() {
    Random random = new Random(18);
    float[] vector = new float[384];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    vector[0] = -0f;
    vector[1] = Float.MIN_VALUE;
    vector[2] = Float.MAX_VALUE;
    vector[3] = -Float.MAX_VALUE;
    byte[] bytes = VectorCodec.encode(vector);
    assertThat(bytes).hasSize(4 * 384);
    float[] decoded = VectorCodec.decode(bytes, 384);
    for (int i = 0; i < vector.length; i++) {
      assertThat(Float.floatToRawIntBits(decoded[i])).as("index %d", i).isEqualTo(Float.floatToRawIntBits(vector[i]));
    }
  }

  @Test
  void encode_copiesNothingBack_intoTheVector() {
    float[] vector = {0.5f, 0.25f};
    byte[] bytes = VectorCodec.encode(vector);
    bytes[0] = 1;
    assertThat(vector).containsExactly(0.5f, 0.25f);
  }

  @ParameterizedTest
  @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
  void encode_nonFiniteComponent_isRefused_namingItsIndex(float bad) {
    assertThatThrownBy(() -> VectorCodec.encode(new float[] {0.1f, 0.2f, bad}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Float.toString(bad))
        .hasMessageContaining("at index 2")
        .hasMessageContaining("must be finite");
  }

  @Test
  void encode_emptyVector_isRefused() {
    assertThatThrownBy(() -> VectorCodec.encode(new float[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty vector");
  }

  @Test
  void decode_lengthNotAMultipleOf4_isRefused() {
    assertThatThrownBy(() -> VectorCodec.decode(new byte[10], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 4 bytes, not 10");
  }

  @Test
  void decode_otherDimension_isRefused_namingBoth() {
    byte[] bytes = VectorCodec.encode(new float[] {1f, 2f, 3f});
    assertThatThrownBy(() -> VectorCodec.decode(bytes, 384))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension 3 (12 bytes)")
        .hasMessageContaining("expected dimension is 384");
  }

  @Test
  void decode_emptyBlob_isRefused() {
    assertThatThrownBy(() -> VectorCodec.decode(new byte[0], 384))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension 0");
  }

  @Test
  void decode_nonPositiveExpectedDimension_isRefused() {
    assertThatThrownBy(() -> VectorCodec.decode(new byte[0], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive, not 0");
  }

  @Test
  void decode_blobHoldingNaN_isRefused() {
    // 0x7FC00000 is the canonical NaN, little-endian
    byte[] bytes = {0, 0, (byte) 0x80, 0x3F, 0, 0, (byte) 0xC0, 0x7F};
    assertThatThrownBy(() -> VectorCodec.decode(bytes, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN at index 1");
  }
}
