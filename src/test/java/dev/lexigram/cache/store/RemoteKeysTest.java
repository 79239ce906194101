package dev.lexigram.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.serial.SerializerFormat;
import dev.lexigram.cache.serial.Serializers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteKeysTest {

  private final RemoteKeys keys = new RemoteKeys("app", "products",
      Serializers.builder().format(SerializerFormat.JAVA).build());

  @Test
  void nameOf_stringKey_staysReadable() {
    assertThat(keys.nameOf("product:42")).isEqualTo("app:products:product:42");
  }

  @Test
  void nameOf_roundTripsEveryKeyKind() {
    for (Object key : List.of("plain", "", "~tilde", "~~two", 42L, 7, LocalDate.of(2026, 11, 25))) {
      assertThat(keys.keyOf(keys.nameOf(key))).isEqualTo(key);
    }
  }

  @Test
  void nameOf_nonStringKey_isMarkedAndDistinctFromStrings() {
    assertThat(keys.nameOf(42L)).startsWith("app:products:~").isNotEqualTo(keys.nameOf("42"));
  }

  @Test
  void defaultPrefix_isUsedWhenNoneConfigured() {
    RemoteKeys unprefixed = new RemoteKeys(null, "c", Serializers.builder().build());
    assertThat(unprefixed.nameOf("k")).isEqualTo("lexigram:c:k");
  }

  @Test
  void keyOf_foreignName_isRejected() {
    assertThatThrownBy(() -> keys.keyOf("app:other:k")).isInstanceOf(IllegalArgumentException.class);
    assertThat(keys.owns("app:other:k")).isFalse();
  }

  @Test
  void serverGlob_escapesTheNamespace() {
    RemoteKeys odd = new RemoteKeys("a*b", "c?", Serializers.builder().build());
    Glob server = odd.serverGlob(Glob.compile("user:*"));
    assertThat(server.matches("a*b:c?:user:1")).isTrue();
    assertThat(server.matches("axb:cc:user:1")).isFalse();
  }
}
