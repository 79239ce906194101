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
  void aHostNameThatOnlyStartsLikeLoopback_needsAToken() {
    var failure = new ConfigFixture(dir).failure("cache:\n  service:\n    admin: { enabled: true, bind: 127.attacker.example }\n");

    assertThat(failure).hasMessageContaining("cache.service.admin.token").hasMessageContaining("127.attacker.example");
    for (String loopback : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]",
        "0:0:0:0:0:0:0:1"}) {
      assertThat(new AdminSettings(true, loopback, AdminSettings.DEFAULT_PORT, null).bindsLoopback()).as(loopback).isTrue();
    }
  }

  @Test
  void aToken_isNeverShown() {
    AdminSettings admin = new ConfigFixture(dir).load("cache:\n  service:\n    admin: { enabled: true, bind: 0.0.0.0,"
        + " token: \"correct-horse-battery-staple\" }\n").service().admin();

    assertThat(admin.bindsLoopback()).isFalse();
    assertThat(admin.toString()).doesNotContain("correct-horse");
  }
}
