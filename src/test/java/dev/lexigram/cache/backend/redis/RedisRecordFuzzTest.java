package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lexigram.cache.fuzz.FuzzInput;
import dev.lexigram.cache.fuzz.Outcome;

/**
 * Fuzzes the decoding of a Redis string as {@link RedisStore} does it on every read: {@link RecordFormat#isRecord},
 * then the serializer's payload read in place after the header, then version and expiry. The
 * input is read as {@link FuzzInput} says; with {@link FuzzInput#RECORD} the fuzz test writes a
 * well-formed header itself, without it the bytes are the whole string. Contract: a miss (not a
 * record), an entry, or a refusal by the serializer (which the store reads as a miss); nothing else.
 */
class RedisRecordFuzzTest {

  private static final long VERSION = 0x0123456789ABCDEFL;
  private static final long EXPIRES_AT = 1_700_000_000_000L;

  @FuzzTest(maxDuration = "20s")
  void decode(byte[] data) {
    FuzzInput input = FuzzInput.of(data);
    if (input == null) {
      return;
    }
    byte[] record = input.has(FuzzInput.RECORD) ? RecordFormat.encode(VERSION, EXPIRES_AT, input.payload())
        : input.payload();

    if (!RecordFormat.isRecord(record)) {
      assertThat(record.length <= RecordFormat.HEADER
          || (record[0] != RecordFormat.FORMAT && record[0] != RecordFormat.FORMAT_WITH_META)
          || (record[0] == RecordFormat.FORMAT_WITH_META && record.length <= RecordFormat.HEADER + RecordFormat.META_LENGTH))
          .as("a %d-byte string read as a record", record.length).isTrue();
      return;
    }
    int offset;
    try {
      RecordFormat.meta(record);
      offset = RecordFormat.payloadOffset(record);
    } catch (IllegalArgumentException e) {
      assertThat(record[0]).as("only meta can be malformed").isEqualTo(RecordFormat.FORMAT_WITH_META);
      return;
    }
    assertThat(offset).isBetween(RecordFormat.HEADER, record.length);
    int length = record.length - offset;
    Outcome read = Outcome.of(() -> input.serializer().deserialize(record, offset, length));
    long version = RecordFormat.version(record);
    long expiresAt = RecordFormat.expiresAt(record);
    if (input.has(FuzzInput.RECORD)) {
      assertThat(version).isEqualTo(VERSION);
      assertThat(expiresAt).isEqualTo(EXPIRES_AT);
      assertThat(read).isEqualTo(Outcome.of(() -> input.serializer().deserialize(input.payload())));
    }
  }
}
