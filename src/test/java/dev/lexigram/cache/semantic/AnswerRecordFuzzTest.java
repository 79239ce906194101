package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link AnswerRecord#decode}, which reads the bytes of a semantic cache's entries back
 * from Redis or memcached. Contract: it returns a record or throws IllegalArgumentException, never
 * anything else (no OutOfMemoryError from a forged length, no NegativeArraySizeException); and a
 * decoded record encodes to bytes that decode to the same record.
 */
class AnswerRecordFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void decode(byte[] data) {
    AnswerRecord record;
    try {
      record = AnswerRecord.decode(data);
    } catch (IllegalArgumentException e) {
      return;
    }
    assertThat(AnswerRecord.decode(record.encode())).isEqualTo(record);
    if (record.vector() != null) {
      for (float component : record.vector()) {
        assertThat(Float.isFinite(component)).as("a decoded vector holds only finite floats").isTrue();
      }
    }
  }
}
