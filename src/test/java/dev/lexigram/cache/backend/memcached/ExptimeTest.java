package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.store.StoreEntry;
import org.junit.jupiter.api.Test;

/** Expiry instants become memcached exptimes: seconds rounded up plus one for the server clock, relative up to 30 days, absolute beyond. */
class ExptimeTest {

  private static final long NOW = 1_700_000_000_123L;

  @Test
  void eternal_isZero() {
    assertThat(Exptime.of(StoreEntry.ETERNAL, NOW)).isZero();
  }

  @Test
  void relative_roundsUpToWholeSecondsPlusOneTick() {
    assertThat(Exptime.of(NOW + 1, NOW)).isEqualTo(2);
    assertThat(Exptime.of(NOW + 1_000, NOW)).isEqualTo(2);
    assertThat(Exptime.of(NOW + 1_001, NOW)).isEqualTo(3);
  }

  @Test
  void pastInstant_isTheShortestTtl() {
    assertThat(Exptime.of(NOW - 5_000, NOW)).isEqualTo(1);
  }

  @Test
  void beyondThirtyDays_isAbsoluteUnixTimeRoundedUp() {
    long at = NOW + Exptime.MAX_RELATIVE_SECONDS * 1_000;
    assertThat(Exptime.of(at - 1_000, NOW)).isEqualTo((int) Exptime.MAX_RELATIVE_SECONDS);
    assertThat(Exptime.of(at, NOW)).isEqualTo((int) (at / 1000 + 1 + 1));
  }

  @Test
  void beyond2038_isLeftToTheRecord() {
    assertThat(Exptime.of(4_000_000_000_000L, NOW)).isZero();
  }
}
