package dev.lexigram.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bytes every backend writes beside an entry: compute time and tags with their versions. */
class EntryMetaTest {

  @Test
  void encodeThenDecode_givesTheSameMeta() {
    EntryMeta timed = EntryMeta.computedIn(250);
    EntryMeta tagged = EntryMeta.tagged(new String[] {"catalog", "ключ", "x".repeat(200)}, new long[] {1L, -7L, 42L});
    EntryMeta both = EntryMeta.combine(tagged, timed);

    for (EntryMeta meta : new EntryMeta[] {timed, tagged, both}) {
      byte[] bytes = meta.encode();
      assertThat(EntryMeta.decode(bytes, 0, bytes.length)).isEqualTo(meta);
    }
    assertThat(both.computeMillis()).isEqualTo(250);
    assertThat(both.tagCount()).isEqualTo(3);
    assertThat(both.version(1)).isEqualTo(-7L);
    assertThat(EntryMeta.computedIn(0).computeMillis()).as("at least 1 ms").isEqualTo(1);
    assertThat(EntryMeta.tagged(new String[0], new long[0])).as("no tags, no meta").isNull();
  }

  @Test
  void decode_ofBytesItDidNotWrite_failsWithIllegalArgument() {
    byte[] good = EntryMeta.combine(EntryMeta.tagged(new String[] {"a", "b"}, new long[] {1L, 2L}),
        EntryMeta.computedIn(3)).encode();
    for (int length = 0; length < good.length; length++) {
      byte[] truncated = Arrays.copyOf(good, length);
      int cut = length;
      assertThatThrownBy(() -> EntryMeta.decode(truncated, 0, cut)).as("%d bytes", length)
          .isInstanceOf(IllegalArgumentException.class);
    }
    byte[] unknownFlag = good.clone();
    unknownFlag[0] |= 0x40;
    assertThatThrownBy(() -> EntryMeta.decode(unknownFlag, 0, unknownFlag.length))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown fields");
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> EntryMeta.decode(longer, 0, longer.length))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("left over");
  }
}
