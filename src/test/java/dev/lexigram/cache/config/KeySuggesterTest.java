package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggesterTest {
  private static final List<String> KEYS = List.of("name", "type", "default", "max_size", "default_ttl",
      "url", "key_prefix", "servers", "username", "password", "timeout");

  @Test
  void nearest_oneLetterWrong_suggestsThatKey() {
    assertThat(KeySuggester.nearest("max_sise", KEYS)).contains("max_size");
  }

  @Test
  void nearest_swappedNeighbours_countAsOneEdit() {
    assertThat(KeySuggester.distance("redsi", "redis")).isEqualTo(1);
    assertThat(KeySuggester.nearest("redsi", List.of("memory", "redis", "memcached"))).contains("redis");
  }

  @Test
  void nearest_kebabAndCase_areIgnored() {
    assertThat(KeySuggester.nearest("Key-Prefx", KEYS)).contains("key_prefix");
  }

  @Test
  void nearest_partOfAKey_suggestsTheKeyContainingIt() {
    assertThat(KeySuggester.nearest("ttl", KEYS)).contains("default_ttl");
    assertThat(KeySuggester.nearest("prefix", KEYS)).contains("key_prefix");
  }

  @Test
  void nearest_nothingClose_isEmpty() {
    assertThat(KeySuggester.nearest("cluster", KEYS)).isEmpty();
    assertThat(KeySuggester.nearest("ur", List.of("password"))).isEmpty();
  }
}
