package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.serial.SerializationException.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompressingSerializerTest {

  private static final int THRESHOLD = 512;

  private final Serializer compressing = new CompressingSerializer(new CompressionMeasurementTest.RawBytes(), THRESHOLD);

  static Reason reasonOf(Runnable call) {
    return SigningSerializerTest.reasonOf(call);
  }

  @Test
  void serialize_payloadAtThreshold_storesItAsIs() {
    byte[] body = CompressionMeasurementTest.typicalJson(THRESHOLD);
    byte[] atThreshold = Arrays.copyOf(body, THRESHOLD);

    byte[] frame = compressing.serialize(atThreshold);

    assertThat(frame[0]).isEqualTo(CompressingSerializer.STORED);
    assertThat(Arrays.copyOfRange(frame, 1, frame.length)).containsExactly(atThreshold);
  }

  @Test
  void serialize_payloadAboveThreshold_deflatesIt() {
    byte[] body = CompressionMeasurementTest.typicalJson(4096);

    byte[] frame = compressing.serialize(body);

    assertThat(frame[0]).isEqualTo(CompressingSerializer.DEFLATED);
    assertThat(frame.length).isLessThan(body.length / 2);
  }

  @Test
  void serialize_incompressiblePayloadAboveThreshold_storesItAsIs() {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);

    byte[] frame = compressing.serialize(noise);

    assertThat(frame[0]).isEqualTo(CompressingSerializer.STORED);
    assertThat(frame).hasSize(noise.length + 1);
  }

  @Test
  void deserialize_storedAndDeflatedFrames_returnOriginalBytes() {
    for (byte[] body : List.of(new byte[] {1, 2, 3}, CompressionMeasurementTest.typicalJson(20_000))) {
      assertThat((byte[]) compressing.deserialize(compressing.serialize(body))).containsExactly(body);
    }
  }

  @Test
  void deserialize_throughBuilder_roundTripsValuesOnBothSidesOfThreshold() {
    Serializer serializer = Serializers.builder().compressAbove(64).build();
    String small = "short";
    String large = "a fairly repetitive sentence. ".repeat(100);

    assertThat(serializer.deserialize(serializer.serialize(small))).isEqualTo(small);
    assertThat(serializer.deserialize(serializer.serialize(large))).isEqualTo(large);
    assertThat(serializer.serialize(large).length).isLessThan(large.length() / 4);
  }

  @Test
  void deserialize_declaredLengthOverLimit_throwsCorruptWithoutInflating() {
    byte[] frame = {CompressingSerializer.DEFLATED, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x78, 0x01};

    assertThatThrownBy(() -> compressing.deserialize(frame))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
        .hasMessageContaining("over the limit");
  }

  @Test
  void deserialize_damagedDeflateStream_throwsCorrupt() {
    byte[] frame = compressing.serialize(CompressionMeasurementTest.typicalJson(4096));
    frame[frame.length / 2] ^= 0x55;
    frame[frame.length / 2 + 1] ^= 0x55;

    assertThat(reasonOf(() -> compressing.deserialize(frame))).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void deserialize_payloadWithoutFlagByte_throwsCorrupt() {
    byte[] plainJson = Serializers.builder().build().serialize("written before compression was on");

    assertThat(reasonOf(() -> Serializers.builder().compressAbove(0).build().deserialize(plainJson)))
        .isEqualTo(Reason.CORRUPT);
    assertThat(reasonOf(() -> compressing.deserialize(new byte[0]))).isEqualTo(Reason.CORRUPT);
  }

  @Test
  void compressAbove_negative_throwsIllegalArgument() {
    assertThatThrownBy(() -> Serializers.builder().compressAbove(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }
}
