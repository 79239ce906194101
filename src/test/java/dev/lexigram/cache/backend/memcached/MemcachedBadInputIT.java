package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.MemcachedServer;
import dev.lexigram.cache.testing.MemcachedSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values and keys memcached cannot take as they are, and a server address that is no memcached:
 * each either works through the standard API or fails with one clear error.
 */
class MemcachedBadInputIT {

  /** A server whose item size limit is 64 KiB. */
  private static final MemcachedServer SMALL_ITEMS = MemcachedServer.start("64k");

  @AfterAll
  static void stopServer() {
    SMALL_ITEMS.stop();
  }

  private static CacheFixture fixture() {
    return new CacheFixture(MemcachedSettings.withDefaultBackend(List.of(SMALL_ITEMS.address())), FakeClock.startingNow());
  }

  private static Cache<String, String> cache(CacheFixture fixture, String name) {
    return fixture.cache(name, new MutableConfiguration<String, String>().setTypes(String.class, String.class));
  }

  @Test
  void valueOverItemSizeLimit_standardApi_isCapacityNamingLimitAndSize() {
    try (CacheFixture fixture = fixture()) {
      Cache<String, String> cache = cache(fixture, "big");
      CacheException e = catchThrowableOfType(CacheException.class, () -> cache.put("big", "x".repeat(100_000)));
      assertThat(e.getMessage()).contains("CAPACITY", "'big'", "item size limit of 65536 bytes", "memcached -I")
          .containsPattern("needs 100\\d{3} bytes");
      assertThat(cache.containsKey("big")).isFalse();
      cache.put("small", "x".repeat(60_000));
      assertThat(cache.get("small")).hasSize(60_000);
    }
  }

  @Test
  void valueOverItemSizeLimit_extensionApi_isErrCapacity() {
    try (CacheFixture fixture = fixture()) {
      @SuppressWarnings("unchecked")
      LexigramCache<String, String> cache = cache(fixture, "bigExt").unwrap(LexigramCache.class);
      Result<Void> result = cache.put("big", "x".repeat(100_000));
      assertThat(result.isOk()).isFalse();
      assertThat(result.error().kind()).isEqualTo(CacheError.Kind.CAPACITY);
      assertThat(result.error().message()).contains("65536", "memcached -I");
      assertThat(cache.exists("big").unwrap()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"with space", "ключ ✓", "tab\tnew\nline\r", "\u0000\u0001\u007f\u00ff binary", "%41", "#lookalike"})
  void keyMemcachedCannotHold_roundTripsThroughTheStandardApi(String key) {
    assertRoundTrips(key);
  }

  @Test
  void longKeys_roundTripThroughTheStandardApi() {
    assertRoundTrips("k".repeat(251));
    assertRoundTrips("é".repeat(2_000));
  }

  private static void assertRoundTrips(String key) {
    try (CacheFixture fixture = fixture()) {
      Cache<String, String> cache = cache(fixture, "keys");
      cache.put(key, "v1");
      cache.put("plain", "p");
      assertThat(cache.get(key)).isEqualTo("v1");
      assertThat(cache.getAll(Set.of(key, "plain"))).isEqualTo(Map.of(key, "v1", "plain", "p"));
      assertThat(cache.replace(key, "v1", "v2")).isTrue();
      List<String> listed = new ArrayList<>();
      cache.forEach(entry -> listed.add(entry.getKey()));
      assertThat(listed).containsExactlyInAnyOrder(key, "plain");
      assertThat(cache.getAndRemove(key)).isEqualTo("v2");
      assertThat(cache.containsKey(key)).isFalse();
      cache.clear();
    }
  }

  @Test
  void serverThatAnswersGarbage_failsWhenTheBackendOpens() throws Exception {
    try (FakeServer garbage = FakeServer.answering("HTTP/1.1 400 Bad Request\r\n\r\n")) {
      assertThat(oneClearFailure(garbage))
          .contains("(CONNECTION)", garbage.address() + " is not a memcached server", "HTTP/1.1 400 Bad Request");
    }
  }

  @Test
  void serverThatNeverAnswers_failsEachCallWithTimeout() throws Exception {
    try (FakeServer silent = FakeServer.silent()) {
      assertThat(oneClearFailure(silent)).contains("(TIMEOUT)", "no answer within 500 ms");
    }
  }

  /**
   * Returns the message of the one failure that opening a cache on the server and using it ends
   * with; the failing step (opening, or the first call) must end within three times the timeout.
   * The step ends where the failure is thrown, before the fixture closes (closing waits up to a
   * timeout for the calls in flight). A call on a silent server fails after one timeout: about
   * 520 ms of the 500 ms timeout, measured.
   */
  private static String oneClearFailure(FakeServer server) {
    Duration timeout = Duration.ofMillis(500);
    AtomicLong stepStart = new AtomicLong(System.nanoTime());
    AtomicLong failedAt = new AtomicLong();
    CacheException e = catchThrowableOfType(CacheException.class, () -> {
      try (CacheFixture fixture = new CacheFixture(MemcachedSettings.withDefaultBackend(
          MemcachedSettings.backend("not-memcached", List.of(server.address()), timeout)), FakeClock.startingNow())) {
        Cache<String, String> cache = cache(fixture, "c");
        stepStart.set(System.nanoTime());
        try {
          cache.put("k", "v");
          cache.get("k");
        } catch (CacheException failure) {
          failedAt.set(System.nanoTime()); // before the fixture closes, which waits for calls in flight
          throw failure;
        }
      } catch (CacheException failure) {
        failedAt.compareAndSet(0, System.nanoTime()); // opening failed: nothing was open to close
        throw failure;
      }
    });
    Duration took = Duration.ofNanos(failedAt.get() - stepStart.get());
    System.out.println("MemcachedBadInputIT: " + server.kind() + " server, the failing step took " + took.toMillis()
        + " ms: " + e.getMessage());
    assertThat(e.getMessage()).contains("'not-memcached'", server.address());
    assertThat(took).isLessThan(timeout.multipliedBy(3));
    return e.getMessage();
  }
}
