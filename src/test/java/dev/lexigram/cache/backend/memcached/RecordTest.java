package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.store.StoreEntry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The record layout round-trips and rejects bytes it did not write. */
class RecordTest {

  private static final byte[] VALUE = "value".getBytes(StandardCharsets.UTF_8);

  @Test
  void plainRecord_roundTrips() {
    Record record = Record.decode(new Record(-5L, 1234L, null, VALUE).encode());
    assertThat(record.version()).isEqualTo(-5L);
    assertThat(record.expiresAt()).isEqualTo(1234L);
    assertThat(record.originalName()).isNull();
    assertThat(record.value()).isEqualTo(VALUE);
  }

  @Test
  void hashedRecord_keepsTheFullName() {
    String name = "lexigram:c:ключ with spaces";
    Record record = Record.decode(new Record(9L, StoreEntry.ETERNAL, name, VALUE).encode());
    assertThat(record.originalName()).isEqualTo(name);
    assertThat(record.value()).isEqualTo(VALUE);
  }

  @Test
  void withExpiresAt_keepsVersionAndValue() {
    Record touched = Record.decode(new Record(9L, 1L, null, VALUE).withExpiresAt(2L).encode());
    assertThat(touched.version()).isEqualTo(9L);
    assertThat(touched.expiresAt()).isEqualTo(2L);
    assertThat(touched.value()).isEqualTo(VALUE);
  }

  @Test
  void foreignOrTruncatedBytes_areRejected() {
    assertThatThrownBy(() -> Record.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    byte[] truncated = java.util.Arrays.copyOf(new Record(1L, 1L, "name", VALUE).encode(), 12);
    assertThatThrownBy(() -> Record.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Record.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }
}
