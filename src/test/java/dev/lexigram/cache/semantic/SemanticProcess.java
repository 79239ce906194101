package dev.lexigram.cache.semantic;

import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.SemanticCache;
import dev.lexigram.cache.SemanticHit;
import dev.lexigram.cache.SemanticRequest;
import dev.lexigram.cache.testing.LineCommands;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.cache.CacheManager;
import javax.cache.Caching;

/**
 * One process of {@link TwoProcessSemantic}: opens the configuration {@code args[0]} and its
 * semantic cache {@code answers}, works in partition {@code args[1]}, prints {@code READY}, then
 * answers one tab-separated command per line with one line:
 * <ul>
 *   <li>{@code store<TAB>prompt<TAB>answer}: prints {@code ok};
 *   <li>{@code lookup<TAB>prompt}: prints {@code hit <tier> <similarity> <answer>} or {@code miss};
 *   <li>{@code found<TAB>prompt}: looks up until a hit (at most 10 s, every 20 ms) and prints
 *       {@code found <ms> <answer>} or {@code missing};
 *   <li>{@code gone<TAB>prompt}: looks up until a miss (at most 10 s, every 5 ms) and prints
 *       {@code gone <ms>} or {@code present};
 *   <li>{@code invalidate<TAB>prompt} and {@code clear}: print {@code ok}.
 * </ul>
 */
public final class SemanticProcess {

  private SemanticProcess() {}

  public static void main(String[] args) throws Exception {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create(args[0]),
        SemanticProcess.class.getClassLoader());
    SemanticCache answers = manager.unwrap(LexigramCacheManager.class).semanticCache("answers");
    String partition = args[1];
    LineCommands.serve(line -> {
      String[] words = line.split("\t");
      return switch (words[0]) {
        case "store" -> ok(answers.store(SemanticRequest.of(words[1]).withPartition(partition), words[2]));
        case "lookup" -> describe(answers.lookup(SemanticRequest.of(words[1]).withPartition(partition)).unwrap());
        case "found" -> found(answers, SemanticRequest.of(words[1]).withPartition(partition));
        case "gone" -> gone(answers, SemanticRequest.of(words[1]).withPartition(partition));
        case "invalidate" -> ok(answers.invalidate(SemanticRequest.of(words[1]).withPartition(partition)));
        case "clear" -> ok(answers.clear());
        default -> "unknown command " + words[0];
      };
    });
    manager.close();
  }

  private static String ok(Result<?> result) {
    return result.isOk() ? "ok" : "failed " + result.error();
  }

  private static String describe(Optional<SemanticHit> hit) {
    return hit.map(h -> String.format(Locale.ROOT, "hit %s %.3f %s", h.tier(), h.similarity(), h.answer()))
        .orElse("miss");
  }

  private static String gone(SemanticCache answers, SemanticRequest request) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (answers.lookup(request).unwrap().isEmpty()) {
        return "gone " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    return "present";
  }

  private static String found(SemanticCache answers, SemanticRequest request) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Optional<SemanticHit> hit = answers.lookup(request).unwrap();
      if (hit.isPresent()) {
        return "found " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " " + hit.get().answer();
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return "missing";
  }
}
