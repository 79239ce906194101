package dev.lexigram.cache.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes every serializer's {@code deserialize} with bytes as a hostile server could return them:
 * each format of {@code SerializerFormat.values()}, plain, compressed, signed, and both (see
 * {@link FuzzInput} for how the input is read). Contract: a value or a {@code SerializationException},
 * nothing else, no hang and no allocation sized by the payload; and reading the payload as a range
 * of a larger array gives the same outcome as reading it alone. Without {@code JAZZER_FUZZ} the
 * seeds in {@code SerializerFuzzTestInputs/deserialize} run as regression tests; {@code scripts/fuzz}
 * fuzzes.
 */
class SerializerFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void deserialize(byte[] data) {
    FuzzInput input = FuzzInput.of(data);
    if (input == null) {
      return;
    }
    byte[] payload = input.payload();
    int padding = input.padding();
    byte[] padded = FuzzInput.padded(payload, padding);

    Outcome alone = Outcome.of(() -> input.serializer().deserialize(payload));
    Outcome inRange = Outcome.of(() -> input.serializer().deserialize(padded, padding, payload.length));

    assertThat(inRange).as("%s, range of %d bytes at %d", input.variant(), payload.length, padding).isEqualTo(alone);
  }
}
