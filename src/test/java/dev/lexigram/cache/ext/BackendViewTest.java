package dev.lexigram.cache.ext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.CacheBackend;
import dev.lexigram.cache.CacheError.Kind;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.testing.CacheFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import org.junit.jupiter.api.Test;

/** A backend's {@link CacheBackend} is the JCache cache of the same name, with string keys. */
class BackendViewTest {

  @Test
  void backend_sharesEntriesWithTheCacheOfTheSameName() {
    try (CacheFixture fixture = new CacheFixture()) {
      CacheBackend backend = fixture.manager().unwrap(LexigramCacheManager.class).backend("default");
      backend.set("greeting", "hello", Duration.ofSeconds(60)).unwrap();
      Cache<String, Object> cache = fixture.manager().getCache("default");
      assertThat(cache.get("greeting")).isEqualTo("hello");
      cache.put("other", 42L);
      assertThat(backend.get("other").unwrap()).contains(42L);
      assertThat(backend.increment("other", 1).unwrap()).isEqualTo(43L);
      assertThat(backend.setMany(Map.of("a:1", 1, "a:2", 2)).isOk()).isTrue();
      assertThat(backend.getMany(List.of("a:1", "a:2", "a:3")).unwrap()).containsOnlyKeys("a:1", "a:2");
      assertThat(backend.deletePattern("a:*").unwrap()).isEqualTo(2L);
      assertThat(backend.ttl("greeting").unwrap().remaining()).isEqualTo(Duration.ofSeconds(60));
      assertThat(backend.persist("greeting").unwrap()).isTrue();
      assertThat(backend.expire("greeting", Duration.ofSeconds(1)).unwrap()).isTrue();
      fixture.clock().advance(Duration.ofSeconds(1));
      assertThat(backend.exists("greeting").unwrap()).isFalse();
      assertThat(backend.deleteMany(List.of("other")).unwrap()).isEqualTo(1L);
      assertThat(backend.delete("other").unwrap()).isFalse();
      assertThat(backend.clear().isOk()).isTrue();
    }
  }

  @Test
  void health_reportsTheProbesRoundTrip() throws Exception {
    try (CacheFixture fixture = new CacheFixture()) {
      CacheBackend backend = fixture.manager().backend("default");
      assertThat(backend.health().unwrap()).isPositive();
      assertThat(backend.healthAsync().toCompletableFuture().get(10, TimeUnit.SECONDS).unwrap()).isPositive();
    }
  }

  @Test
  void close_closesTheBackendsCacheAndLaterCallsFail() {
    try (CacheFixture fixture = new CacheFixture()) {
      CacheBackend backend = fixture.manager().backend("default");
      backend.close();
      backend.close();
      assertThat(backend.health().error().kind()).isEqualTo(Kind.CONFIGURATION);
      assertThat(backend.set("k", "v").error().message()).contains("closed");
    }
  }

  @Test
  void backend_unknownName_listsTheDeclaredOnes() {
    try (CacheFixture fixture = new CacheFixture()) {
      assertThatThrownBy(() -> fixture.manager().backend("shared"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'shared'")
          .hasMessageContaining("[default]");
    }
  }
}
