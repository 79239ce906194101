package dev.lexigram.cache.near;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.NearCacheStatisticsMXBean;
import dev.lexigram.cache.WriteOptions;
import dev.lexigram.cache.testing.LineCommands;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;

/**
 * One process of {@link TwoProcessNear}: opens the configuration named by {@code args[0]} and
 * serves the cache {@code items} (a declared cache with a near cache), one command per line:
 * <ul>
 *   <li>{@code put <key> <value>}, {@code putttl <key> <value> <ms>}, {@code puttagged <key> <value> <tag>},
 *       {@code remove <key>}, {@code clear}, {@code delete <glob>}, {@code invalidate <tag>}: print {@code ok};
 *   <li>{@code get <key>}: prints the value or {@code absent};
 *   <li>{@code until <key> <value or absent>}: reads until it gets that (at most 10 s, every
 *       millisecond) and prints {@code seen <ms>}, or {@code stale <last value>};
 *   <li>{@code stats}: prints {@code <hits> <misses> <invalidations> <flushes>} of the near cache.
 * </ul>
 */
public final class NearProcess {

  static final String CACHE = "items";

  private NearProcess() {}

  public static void main(String[] args) throws Exception {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create(args[0]),
        NearProcess.class.getClassLoader());
    Cache<String, String> cache = NearCaches.items(manager);
    LexigramCache<String, String> extension = cache.unwrap(LexigramCache.class);
    NearCacheStatisticsMXBean statistics = NearCaches.statistics(manager, CACHE);
    LineCommands.serve(line -> {
      String[] words = line.split(" ");
      return switch (words[0]) {
        case "put" -> done(() -> cache.put(words[1], words[2]));
        case "putttl" -> extension.put(words[1], words[2], Duration.ofMillis(Long.parseLong(words[3]))).isOk() ? "ok" : "failed";
        case "puttagged" -> extension.put(words[1], words[2], WriteOptions.tagged(words[3])).isOk() ? "ok" : "failed";
        case "remove" -> done(() -> cache.remove(words[1]));
        case "clear" -> done(cache::clear);
        case "delete" -> extension.deletePattern(words[1]).isOk() ? "ok" : "failed";
        case "invalidate" -> manager.unwrap(LexigramCacheManager.class).invalidateTags(words[1]).isOk() ? "ok" : "failed";
        case "get" -> Objects.requireNonNullElse(cache.get(words[1]), "absent");
        case "until" -> until(cache, words[1], words[2]);
        case "stats" -> statistics.getHits() + " " + statistics.getMisses() + " " + statistics.getInvalidations() + " "
            + statistics.getFlushes();
        default -> "unknown command " + words[0];
      };
    });
    manager.close();
  }

  private static String done(Runnable action) {
    action.run();
    return "ok";
  }

  private static String until(Cache<String, String> cache, String key, String expected) {
    long start = System.nanoTime();
    String last = null;
    while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
      last = Objects.requireNonNullElse(cache.get(key), "absent");
      if (last.equals(expected)) {
        return "seen " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // polling another process's state: nothing to wait on
    }
    return "stale " + last;
  }
}
