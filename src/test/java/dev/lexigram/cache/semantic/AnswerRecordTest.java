package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AnswerRecordTest {

  static final AnswerRecord RECORD = new AnswerRecord("m@1/3", "gpt-4o\u001ftenant", "what is é?", "ünïcode ✓",
      0.015, 1_700_000_000_000L, new float[] {0.5f, -0.25f, 1e-3f});

  @Test
  void roundTrip() {
    assertThat(AnswerRecord.decode(RECORD.encode())).isEqualTo(RECORD);
  }

  @Test
  void roundTrip_withoutVector_andUnknownCost() {
    var record = new AnswerRecord("m", "", "p", "", Double.NaN, 0, null);

    AnswerRecord back = AnswerRecord.decode(record.encode());

    assertThat(back).isEqualTo(record);
    assertThat(back.comparableWith("m")).isFalse();
  }

  @Test
  void comparableOnlyWithItsOwnModel() {
    assertThat(RECORD.comparableWith("m@1/3")).isTrue();
    assertThat(RECORD.comparableWith("m@2/3")).isFalse();
  }

  @Test
  void everyTruncation_isRefused() {
    byte[] bytes = RECORD.encode();
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> AnswerRecord.decode(cut)).as("cut at %d", length)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void trailingBytes_andAnotherFormat_areRefused() {
    byte[] bytes = RECORD.encode();
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> AnswerRecord.decode(longer)).hasMessageContaining("past its end");
    bytes[0] = 9;
    assertThatThrownBy(() -> AnswerRecord.decode(bytes)).hasMessageContaining("format byte 9");
  }

  @Test
  void aLengthBeyondTheRecord_isRefusedWithoutAllocatingIt() {
    byte[] bytes = RECORD.encode();
    bytes[1] = 0x7f; // the model id's length: about 2 GB

    assertThatThrownBy(() -> AnswerRecord.decode(bytes)).hasMessageContaining("a string of");
  }
}
