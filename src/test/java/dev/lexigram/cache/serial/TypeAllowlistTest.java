package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TypeAllowlistTest {

  enum Mood { CALM { }, ANGRY }

  private static final TypeAllowlist BUILT_IN = TypeAllowlist.of(List.of());

  @Test
  void allows_builtInJdkTypes_withoutConfiguration() {
    for (Class<?> type : List.of(String.class, Long.class, BigDecimal.class, UUID.class, Instant.class,
        ZonedDateTime.class, Optional.class, ArrayList.class, List.of(1, 2, 3).getClass(), Map.of().getClass(),
        Collections.unmodifiableList(new ArrayList<>()).getClass(), byte[].class, int[][].class, String[].class,
        TimeUnit.class, java.util.Date.class)) {
      assertThat(BUILT_IN.allows(type)).as(type.getName()).isTrue();
    }
  }

  @Test
  void allows_otherJdkAndUserTypes_false() {
    for (Class<?> type : List.of(ProcessBuilder.class, java.net.URL.class, Thread.class, Mood.class,
        Mood[].class, TypeAllowlistTest.class)) {
      assertThat(BUILT_IN.allows(type)).as(type.getName()).isFalse();
    }
  }

  @Test
  void allows_exactPattern_onlyThatClass() {
    TypeAllowlist allowlist = TypeAllowlist.of(List.of(Mood.class.getName()));

    assertThat(allowlist.allows(Mood.class)).isTrue();
    assertThat(allowlist.allows(Mood[].class)).isTrue();
    assertThat(allowlist.allows(Mood.CALM.getClass())).as("constant body").isTrue();
    assertThat(allowlist.allows(TypeAllowlistTest.class)).isFalse();
  }

  @Test
  void allows_packagePattern_excludesSubPackages() {
    TypeAllowlist allowlist = TypeAllowlist.of(List.of("dev.lexigram.*"));

    assertThat(allowlist.mayAllow("dev.lexigram.Thing")).isTrue();
    assertThat(allowlist.mayAllow("dev.lexigram.cache.serial.Thing")).isFalse();
    assertThat(allowlist.mayAllow("dev.lexigramx.Thing")).isFalse();
  }

  @Test
  void allows_packageTreePattern_includesSubPackages() {
    TypeAllowlist allowlist = TypeAllowlist.of(List.of("dev.lexigram.**"));

    assertThat(allowlist.allows(TypeAllowlistTest.class)).isTrue();
    assertThat(allowlist.mayAllow("dev.lexigram.Thing")).isTrue();
    assertThat(allowlist.mayAllow("dev.lexigramx.Thing")).isFalse();
  }

  @Test
  void mayAllow_arrayAndUnknownNames_decidesByElement() {
    assertThat(BUILT_IN.mayAllow("[Ljava.lang.String;")).isTrue();
    assertThat(BUILT_IN.mayAllow("[[I")).isTrue();
    assertThat(BUILT_IN.mayAllow("[Lcom.evil.Gadget;")).isFalse();
    assertThat(BUILT_IN.mayAllow("com.evil.Gadget")).isFalse();
    assertThat(BUILT_IN.mayAllow("java.util.concurrent.TimeUnit")).as("java.* is decided on the class").isTrue();
  }

  @Test
  void of_malformedOrBarePattern_throwsIllegalArgumentNamingIt() {
    for (String pattern : List.of("**", "*", "com.acme.*.Order", "com acme", "com.acme.***", "")) {
      assertThatThrownBy(() -> TypeAllowlist.of(List.of(pattern)))
          .as(pattern)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + pattern + "\"")
          .hasMessageContaining("cache.service.allowed_types");
    }
  }
}
