package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code service.admin} section: off by default, loopback, and a token beyond loopback. */
class AdminConfigTest {

  @TempDir Path dir;

  @Test
  void absent_isOffOnLoopback() {
    assertThat(new ConfigFixture(dir).load("cache:\n  service: {}\n").service().admin()).isEqualTo(AdminSettings.defaults());
  }

  @Test
  void bindingBeyondLoopbackWithoutAToken_failsNamingTheFix() {
    var failure = new ConfigFixture(dir).failure("cache:\n  service:\n    admin: { enabled: true, bind: 0.0.0.0 }\n");

    assertThat(failure).hasMessageContaining("cache.service.admin.token").hasMessageContaining("0.0.0.0")
        .hasMessageContaining("at least 16 characters");
  }

  @Test
  void aToken_isNeverShown() {
    AdminSettings admin = new ConfigFixture(dir).load("cache:\n  service:\n    admin: { enabled: true, bind: 0.0.0.0,"
        + " token: \"correct-horse-battery-staple\" }\n").service().admin();

    assertThat(admin.bindsLoopback()).isFalse();
    assertThat(admin.toString()).doesNotContain("correct-horse");
  }
}
