package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.StoreEntry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The record layout the store and the Lua scripts share. */
class RedisRecordFormatTest {

  @Test
  void encode_thenRead_givesHeaderAndPayloadBack() {
    byte[] payload = "value".getBytes(StandardCharsets.UTF_8);
    byte[] record = RecordFormat.encode(-42L, 1_700_000_000_123L, payload);
    assertThat(record).hasSize(RecordFormat.HEADER + payload.length);
    assertThat(RecordFormat.isRecord(record)).isTrue();
    assertThat(RecordFormat.version(record)).isEqualTo(-42L);
    assertThat(RecordFormat.expiresAt(record)).isEqualTo(1_700_000_000_123L);
    assertThat(RecordFormat.payloadOffset(record)).isEqualTo(RecordFormat.HEADER);
    assertThat(RecordFormat.meta(record)).isNull();
    assertThat(Arrays.copyOfRange(record, RecordFormat.HEADER, record.length)).isEqualTo(payload);
  }

  @Test
  void encodeWithMeta_isFormatTwo_withTheSameHeaderFieldsWhereLuaReadsThem() {
    byte[] payload = "value".getBytes(StandardCharsets.UTF_8);
    byte[] record = RecordFormat.encode(-42L, 1_700_000_000_123L, EntryMeta.computedIn(250).encode(), payload);
    assertThat(record[0]).isEqualTo(RecordFormat.FORMAT_WITH_META);
    assertThat(RecordFormat.isRecord(record)).isTrue();
    assertThat(RecordFormat.version(record)).isEqualTo(-42L);
    assertThat(RecordFormat.expiresAt(record)).isEqualTo(1_700_000_000_123L);
    assertThat(RecordFormat.meta(record)).isEqualTo(EntryMeta.computedIn(250));
    assertThat(Arrays.copyOfRange(record, RecordFormat.payloadOffset(record), record.length)).isEqualTo(payload);
    assertThat(RecordFormat.size(payload.length, EntryMeta.computedIn(250).encode())).isEqualTo(record.length);
  }

  @Test
  void metaLengthBeyondTheRecord_isRefused() {
    byte[] record = RecordFormat.encode(1L, 2L, EntryMeta.computedIn(5).encode(), new byte[] {1});
    record[RecordFormat.HEADER] = 0x7F; // the meta length's first byte
    assertThatThrownBy(() -> RecordFormat.payloadOffset(record)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds the record");
  }

  @Test
  void versionBytes_areWhatLuaReadsAtOffsetOne() {
    byte[] record = RecordFormat.encode(7L, StoreEntry.ETERNAL, new byte[] {1});
    byte[] version = new byte[8];
    System.arraycopy(record, 1, version, 0, 8);
    assertThat(version).isEqualTo(RecordFormat.longBytes(7L));
  }

  @Test
  void isRecord_foreignBytes_isFalse() {
    assertThat(RecordFormat.isRecord("plain text written by someone else".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(RecordFormat.isRecord(new byte[RecordFormat.HEADER])).isFalse();
  }

  @Test
  void nativeExpiry_addsGraceAndNeverOverflows() {
    assertThat(RedisStore.nativeExpiry(1_000L)).isEqualTo(1_000L + RedisStore.NATIVE_EXPIRY_GRACE_MILLIS);
    assertThat(RedisStore.nativeExpiry(-10_000L)).isEqualTo(1L);
    assertThat(RedisStore.nativeExpiry(StoreEntry.ETERNAL)).isEqualTo(RedisStore.NO_NATIVE_EXPIRY);
    assertThat(RedisStore.nativeExpiry(Long.MAX_VALUE - 1)).isEqualTo(RedisStore.NO_NATIVE_EXPIRY);
  }
}
