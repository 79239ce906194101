package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lexigram.cache.backend.memcached.ItemNames.ItemName;
import dev.lexigram.cache.fuzz.FuzzInput;
import dev.lexigram.cache.fuzz.Outcome;
import dev.lexigram.cache.store.StoreEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fuzzes the decoding of a memcached item: {@link Record#decode}, {@link Record#readValue} and the
 * store's path through {@link EntryCodec#entry}. The input is read as {@link FuzzInput} says; with
 * {@link FuzzInput#RECORD} the fuzz test writes a well-formed record itself (of a hashed item with
 * {@link FuzzInput#HASHED}), without it the bytes are the whole item. Contract: {@code decode}
 * returns a record or throws IllegalArgumentException, {@code readValue} returns a value or throws
 * a {@code SerializationException}, {@code entry} returns the entry or null and never throws; and a
 * decoded record re-encodes with a new expiry to the same fields.
 */
class MemcachedRecordFuzzTest {

  private static final long VERSION = 0x0123456789ABCDEFL;
  private static final long EXPIRES_AT = 1_700_000_000_000L;
  private static final String PLAIN = "fuzz:cache:key";
  private static final String FULL_NAME = "fuzz:cache:a key with spaces, ключ";
  private static final Map<FuzzInput.Variant, EntryCodec> CODECS = new ConcurrentHashMap<>();

  @FuzzTest(maxDuration = "20s")
  void decode(byte[] data) {
    FuzzInput input = FuzzInput.of(data);
    if (input == null) {
      return;
    }
    byte[] item = input.has(FuzzInput.RECORD)
        ? Record.encode(VERSION, EXPIRES_AT, input.has(FuzzInput.HASHED) ? FULL_NAME : null, input.payload())
        : input.payload();
    EntryCodec codec = CODECS.computeIfAbsent(input.variant(), variant -> new EntryCodec("fuzz", "cache",
        variant.serializer(), new ItemSizeLimit("fuzz", List.of(), 1_000)));

    Record record;
    try {
      record = Record.decode(item);
    } catch (IllegalArgumentException e) {
      assertThat(input.has(FuzzInput.RECORD)).as("a well-formed record refused: %s", e.getMessage()).isFalse();
      assertThat(codec.entry(new ItemName(PLAIN, PLAIN), item)).isNull();
      return;
    }
    if (input.has(FuzzInput.RECORD)) {
      assertThat(record.version()).isEqualTo(VERSION);
      assertThat(record.expiresAt()).isEqualTo(EXPIRES_AT);
      assertThat(record.originalName()).isEqualTo(input.has(FuzzInput.HASHED) ? FULL_NAME : null);
      assertThat(record.value()).isEqualTo(input.payload());
    }
    assertTouchKeepsTheRest(record);

    Outcome read = Outcome.of(() -> record.readValue(input.serializer()));
    String fullName = record.originalName() == null ? PLAIN : record.originalName();
    StoreEntry entry = codec.entry(new ItemName(record.originalName() == null ? PLAIN : "fuzz#hash", fullName), item);
    assertThat(entry == null).as("entry of an item whose value reads as %s", read).isEqualTo(read.refused());
    if (entry != null) {
      assertThat(entry.version()).isEqualTo(record.version());
      assertThat(entry.expiresAt()).isEqualTo(record.expiresAt());
    }
  }

  private static void assertTouchKeepsTheRest(Record record) {
    long newExpiresAt = ~record.expiresAt();
    Record touched = Record.decode(record.encodeWithExpiresAt(newExpiresAt));
    assertThat(touched.expiresAt()).isEqualTo(newExpiresAt);
    assertThat(touched.version()).isEqualTo(record.version());
    assertThat(touched.originalName()).isEqualTo(record.originalName());
    assertThat(touched.meta()).isEqualTo(record.meta());
    assertThat(touched.value()).isEqualTo(record.value());
  }
}
