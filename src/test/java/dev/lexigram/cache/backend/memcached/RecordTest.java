package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.serial.SerializerFormat;
import dev.lexigram.cache.serial.Serializers;
import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.StoreEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record layout round-trips and rejects bytes it did not write. */
class RecordTest {

  private static final byte[] VALUE = "value".getBytes(StandardCharsets.UTF_8);

  @Test
  void plainRecord_roundTrips() {
    Record record = Record.decode(Record.encode(-5L, 1234L, null, VALUE));
    assertThat(record.version()).isEqualTo(-5L);
    assertThat(record.expiresAt()).isEqualTo(1234L);
    assertThat(record.originalName()).isNull();
    assertThat(record.value()).isEqualTo(VALUE);
  }

  @Test
  void hashedRecord_keepsTheFullName() {
    String name = "lexigram:c:ключ with spaces";
    Record record = Record.decode(Record.encode(9L, StoreEntry.ETERNAL, name, VALUE));
    assertThat(record.originalName()).isEqualTo(name);
    assertThat(record.value()).isEqualTo(VALUE);
  }

  @Test
  void recordWithMetaAndHashedName_roundTrips_andATouchKeepsTheMeta() {
    EntryMeta meta = EntryMeta.computedIn(42);
    Record record = Record.decode(Record.encode(3L, 4L, meta, "lexigram:c:a hashed name", VALUE));
    assertThat(record.meta()).isEqualTo(meta);
    assertThat(record.originalName()).isEqualTo("lexigram:c:a hashed name");
    assertThat(record.value()).isEqualTo(VALUE);
    Record touched = Record.decode(record.encodeWithExpiresAt(5L));
    assertThat(touched.meta()).isEqualTo(meta);
    assertThat(touched.expiresAt()).isEqualTo(5L);
    assertThat(Record.decode(Record.encode(1L, 1L, null, VALUE)).meta()).isNull();
  }

  @Test
  void encodeWithExpiresAt_keepsVersionAndValue() {
    Record touched = Record.decode(Record.decode(Record.encode(9L, 1L, null, VALUE)).encodeWithExpiresAt(2L));
    assertThat(touched.version()).isEqualTo(9L);
    assertThat(touched.expiresAt()).isEqualTo(2L);
    assertThat(touched.value()).isEqualTo(VALUE);
  }

  @Test
  void readValue_handsTheSerializerTheValueInPlace() {
    Serializer serializer = Serializers.builder().format(SerializerFormat.JAVA).build();
    byte[] item = Record.encode(3L, 4L, "lexigram:c:a hashed name", serializer.serialize(List.of("x", 1)));
    assertThat(Record.decode(item).readValue(serializer)).isEqualTo(List.of("x", 1));
  }

  @Test
  void foreignOrTruncatedBytes_areRejected() {
    assertThatThrownBy(() -> Record.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    byte[] truncated = java.util.Arrays.copyOf(Record.encode(1L, 1L, "name", VALUE), 12);
    assertThatThrownBy(() -> Record.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Record.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }
}
