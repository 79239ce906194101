package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.ext.ExtensionContractTest;
import dev.lexigram.cache.testing.RedisSettings;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extension contract with a redis backend as the default, time from a fake clock that starts
 * at the real time (the server expires keys on its own clock). Each test gets its own key prefix,
 * so caches of the same name in different tests never share entries.
 */
@ExtendWith(RedisServerExtension.class)
class RedisExtensionIT extends ExtensionContractTest {

  private static final AtomicInteger PREFIXES = new AtomicInteger();

  private final RedisServer server;

  RedisExtensionIT(RedisServer server) {
    super(new CacheFixture(settings(server.url(), "ext-" + PREFIXES.incrementAndGet()), FakeClock.startingNow()));
    this.server = server;
  }

  static LexigramSettings settings(String url, String keyPrefix) {
    return RedisSettings.withDefaultBackend("RedisExtensionIT", url, keyPrefix);
  }

  @Test
  void asyncTwins_areSentOnLettucesAsyncApi_andCompletedByItsIoThread() throws Exception {
    @SuppressWarnings("unchecked")
    LexigramCache<String, String> cache = createCache("native-async", new MutableConfiguration<String, String>())
        .unwrap(LexigramCache.class);
    cache.put("k", "v").unwrap();
    cache.putMany(Map.of("a", "1", "b", "2")).unwrap();
    try (RawRedis raw = RawRedis.connect(server)) {
      raw.commands().clientPause(1_000); // the server holds every reply for a second

      CompletableFuture<String> get = cache.getAsync("k").toCompletableFuture()
          .thenApply(result -> result.unwrap().orElseThrow() + " on " + Thread.currentThread().getName());
      CompletableFuture<String> many = cache.getManyAsync(List.of("a", "b", "z")).toCompletableFuture()
          .thenApply(result -> result.unwrap() + " on " + Thread.currentThread().getName());
      CompletableFuture<String> exists = cache.existsAsync("z").toCompletableFuture()
          .thenApply(result -> result.unwrap() + " on " + Thread.currentThread().getName());
      CompletableFuture<String> put = cache.putAsync("n", "new").toCompletableFuture()
          .thenApply(result -> result.isOk() + " on " + Thread.currentThread().getName());
      CompletableFuture<String> delete = cache.deleteAsync("k").toCompletableFuture()
          .thenApply(result -> result.unwrap() + " on " + Thread.currentThread().getName());

      // nothing is done while the server holds the replies, and no pool thread waits for them:
      // each stage is completed by the thread that reads the reply, Lettuce's event loop
      assertThat(get).isNotDone();
      assertThat(get.get(10, TimeUnit.SECONDS)).startsWith("v on lettuce-");
      assertThat(many.get(10, TimeUnit.SECONDS)).startsWith("{a=1, b=2} on lettuce-");
      assertThat(exists.get(10, TimeUnit.SECONDS)).startsWith("false on lettuce-");
      assertThat(put.get(10, TimeUnit.SECONDS)).startsWith("true on lettuce-");
      assertThat(delete.get(10, TimeUnit.SECONDS)).startsWith("true on lettuce-");
    }
    assertThat(cache.get("n").unwrap()).contains("new");
    assertThat(cache.exists("k").unwrap()).isFalse();
  }
}
