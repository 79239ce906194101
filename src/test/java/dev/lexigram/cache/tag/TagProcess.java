package dev.lexigram.cache.tag;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.WriteOptions;
import dev.lexigram.cache.testing.LineCommands;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * One process of {@link TwoProcessTags}: opens the configuration named by {@code args[0]}, prints
 * {@code READY}, then answers one command per line on standard input with one line:
 * <ul>
 *   <li>{@code put <cache> <key> <tag or ->}: stores {@code v} (tagged, or plain) and prints {@code ok};
 *   <li>{@code get <cache> <key>}: prints the value or {@code absent};
 *   <li>{@code invalidate <tag>}: invalidates it on every backend and prints {@code ok};
 *   <li>{@code gone <cache> <key>}: reads until the key is absent (at most 10 s, every 2 ms) and
 *       prints {@code gone <ms>} or {@code present}.
 * </ul>
 */
public final class TagProcess {

  private TagProcess() {}

  public static void main(String[] args) throws Exception {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create(args[0]),
        TagProcess.class.getClassLoader());
    LexigramCacheManager lexigram = manager.unwrap(LexigramCacheManager.class);
    LineCommands.serve(line -> {
      String[] words = line.split(" ");
      return switch (words[0]) {
        case "put" -> put(cache(manager, words[1]), words[2], words[3]);
        case "get" -> String.valueOf(cache(manager, words[1]).get(words[2])).replace("null", "absent");
        case "invalidate" -> lexigram.invalidateTags(words[1]).isOk() ? "ok" : "failed";
        case "gone" -> gone(cache(manager, words[1]), words[2]);
        default -> "unknown command " + words[0];
      };
    });
    manager.close();
  }

  @SuppressWarnings("unchecked")
  private static Cache<String, String> cache(CacheManager manager, String name) {
    Cache<?, ?> cache = manager.getCache(name); // a declared cache is made on first use, untyped
    return (Cache<String, String>) (cache != null ? cache : manager.createCache(name,
        new MutableConfiguration<String, String>()));
  }

  @SuppressWarnings("unchecked")
  private static String put(Cache<String, String> cache, String key, String tag) {
    if (tag.equals("-")) {
      cache.put(key, "v");
      return "ok";
    }
    return cache.unwrap(LexigramCache.class).put(key, "v", WriteOptions.tagged(tag)).isOk() ? "ok" : "failed";
  }

  private static String gone(Cache<String, String> cache, String key) {
    long start = System.nanoTime();
    while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
      if (cache.get(key) == null) {
        return "gone " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // polling another process's state: nothing to wait on
    }
    return "present";
  }
}
