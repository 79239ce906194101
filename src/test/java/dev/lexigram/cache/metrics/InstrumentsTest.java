package dev.lexigram.cache.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registering, reading, and registering a name and tags again (a cache made anew). */
class InstrumentsTest {

  @Test
  void aNameAndTagsRegisteredAgain_isOneInstrument_thatReadersSeeFollowTheNewValue() {
    Instruments instruments = new Instruments();
    List<Instruments.Instrument> told = new ArrayList<>();
    instruments.read(told::add);

    instruments.register("cache.near.hits", Map.of("cache", "a"), Instruments.Type.COUNTER, "hits", () -> 1);
    instruments.register("cache.near.hits", Map.of("cache", "b"), Instruments.Type.COUNTER, "hits", () -> 2);
    instruments.register("cache.near.hits", Map.of("cache", "a"), Instruments.Type.COUNTER, "hits", () -> 7);

    assertThat(instruments.list()).hasSize(2);
    assertThat(told).hasSize(2);
    assertThat(told.get(0).tags()).containsEntry("cache", "a");
    assertThat(told.get(0).value().getAsDouble()).as("the instrument a reader holds reads the new cache").isEqualTo(7);
    assertThat(told.get(1).value().getAsDouble()).isEqualTo(2);
  }
}
