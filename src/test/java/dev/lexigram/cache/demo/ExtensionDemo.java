package dev.lexigram.cache.demo;

import dev.lexigram.cache.CacheBackend;
import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * The extension API on the embedded memory default: results instead of exceptions, pattern
 * deletes, per-entry TTL, many-key calls, counters, and the backend view. Run it with
 * {@code scripts/demo extension}.
 */
public final class ExtensionDemo {

  private ExtensionDemo() {}

  public static void main(String[] args) throws Exception {
    CacheManager manager = Caching.getCachingProvider().getCacheManager();
    Cache<String, String> products = manager.createCache("products", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class));
    @SuppressWarnings("unchecked")
    LexigramCache<String, String> cache = products.unwrap(LexigramCache.class);

    cache.putMany(Map.of("product:1", "lamp", "product:2", "desk", "product:list:all", "1,2", "user:7", "ada"));
    cache.put("product:flash-sale", "50% off", Duration.ofMinutes(5));
    System.out.println("get product:1          -> " + cache.get("product:1"));
    System.out.println("get product:9          -> " + cache.get("product:9"));
    System.out.println("ttl product:flash-sale -> " + cache.ttl("product:flash-sale").unwrap().remaining());
    System.out.println("deletePattern product:* -> " + cache.deletePattern("product:*"));
    System.out.println("standard get user:7     -> " + products.get("user:7"));

    Result<Long> broken = cache.deletePattern("product:[");
    System.out.println("deletePattern product:[ -> " + broken.error().kind() + ": " + broken.error().message());
    Result<Optional<String>> nullKey = cache.get(null);
    System.out.println("get null                -> " + nullKey.error().kind());

    CacheBackend backend = manager.unwrap(LexigramCacheManager.class).backend("default");
    backend.set("visits", 41L).unwrap();
    System.out.println("backend increment       -> " + backend.increment("visits", 1));
    System.out.println("backend getMany         -> " + backend.getMany(List.of("visits", "nothing")).unwrap());
    System.out.println("backend health          -> " + (backend.health().isOk() ? "ok" : backend.health().error()));
    System.out.println("getAsync user:7         -> "
        + cache.getAsync("user:7").toCompletableFuture().get(5, TimeUnit.SECONDS));
    manager.close();
  }
}
