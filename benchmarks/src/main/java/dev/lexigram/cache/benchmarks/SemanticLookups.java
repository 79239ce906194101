package dev.lexigram.cache.benchmarks;

import static dev.lexigram.cache.benchmarks.SemanticReport.ms;

import dev.lexigram.cache.Result;
import dev.lexigram.cache.SemanticCache;
import dev.lexigram.cache.SemanticHit;
import dev.lexigram.cache.SemanticStatistics;
import dev.lexigram.cache.benchmarks.SemanticCorpus.Paraphrase;
import dev.lexigram.cache.benchmarks.SemanticCorpus.Probes;
import dev.lexigram.cache.benchmarks.SemanticCorpus.Strategy;
import dev.lexigram.cache.benchmarks.SemanticReport.Block;
import dev.lexigram.cache.semantic.MeaningGuard;
import dev.lexigram.cache.semantic.PromptNormalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single-thread lookups of one semantic cache trial, each kind in a block of its own: stored
 * prompts re-cased (each must be an EXACT hit with its answer), light paraphrases of stored prompts
 * (the SEMANTIC hits are counted) and unrelated prompts (each must miss). The first {@code warmup}
 * lookups of a block are not timed. Each block prints what it found below the trial.
 *
 * @param corpus the trial's stored prompts
 * @param probes the prompts to look up, from the corpus
 * @param warmup how many lookups of each block go untimed
 */
record SemanticLookups(SemanticCorpus corpus, Probes probes, int warmup) {

  /** The first lookup after the fill (an unrelated prompt), timed on its own; returns its milliseconds. */
  double first(SemanticCache cache) {
    long begin = System.nanoTime();
    Optional<SemanticHit> firstHit = check(cache.lookup(probes.firstLookup()), "first lookup");
    double millis = (System.nanoTime() - begin) / 1e6;
    if (firstHit.isPresent()) {
      System.out.println("    unexpected: the first lookup (an unrelated prompt) hit " + firstHit.get());
    }
    return millis;
  }

  /** Looks every re-cased probe up: each must be an EXACT hit with the stored answer. */
  Block exact(SemanticCache cache) {
    Block block = new Block();
    for (int k = 0; k < probes.exact().length; k++) {
      int i = probes.exact()[k];
      String prompt = SemanticCorpus.recase(corpus.prompt(i), k);
      Optional<SemanticHit> hit = lookup(cache, prompt, "exact lookup", block, k);
      if (k < warmup) {
        continue;
      }
      if (hit.isPresent() && hit.get().tier() == SemanticHit.Tier.EXACT
          && hit.get().answer().equals(corpus.answer(i))) {
        block.hits++;
      } else if (block.examples.size() < 3) {
        block.examples.add("'" + prompt + "' -> "
            + hit.map(h -> h.tier() + " '" + h.storedPrompt() + "'").orElse("miss"));
      }
    }
    System.out.printf("    exact:    %d/%d EXACT hits with the stored answer; p50 %s ms, p99 %s ms%n", block.hits,
        block.count(), ms(block.percentile(0.50)), ms(block.percentile(0.99)));
    block.examples.forEach(e -> System.out.println("      not an exact hit: " + e));
    return block;
  }

  /** Looks every paraphrase probe up; prints what hit, what the nearest similarities were and why the rest missed. */
  Block semantic(SemanticCache cache, String indent) {
    Block block = new Block();
    Map<Strategy, int[]> byStrategy = new EnumMap<>(Strategy.class);
    SemanticStatistics before = null;
    int otherPrompt = 0;
    int refusedOwn = 0;
    List<String> others = new ArrayList<>();
    for (int k = 0; k < probes.semantic().length; k++) {
      if (k == warmup) {
        before = cache.statistics();
      }
      int i = probes.semantic()[k];
      Paraphrase paraphrase = corpus.paraphrase(i);
      Optional<SemanticHit> hit = lookup(cache, paraphrase.text(), "semantic lookup", block, k);
      if (k < warmup) {
        continue;
      }
      int[] counts = byStrategy.computeIfAbsent(paraphrase.strategy(), s -> new int[2]);
      counts[1]++;
      if (hit.isPresent() && hit.get().tier() == SemanticHit.Tier.SEMANTIC) {
        block.hits++;
        counts[0]++;
        if (!hit.get().storedPrompt().equals(PromptNormalizer.normalize(corpus.prompt(i)))) {
          otherPrompt++;
          if (others.size() < 12) {
            others.add("hit another prompt: '" + paraphrase.text() + "' -> '" + hit.get().storedPrompt() + "' ("
                + String.format("%.3f", hit.get().similarity()) + ")");
          }
        }
      } else {
        // would the guards refuse the paraphrase against the very prompt it paraphrases?
        MeaningGuard.Refusal own = MeaningGuard.refuse(PromptNormalizer.normalize(paraphrase.text()),
            PromptNormalizer.normalize(corpus.prompt(i)));
        if (own != null) {
          refusedOwn++;
        }
        if (block.examples.size() < 6) {
          block.examples.add((hit.isPresent() ? "hit " + hit.get().tier() : "missed") + " [" + paraphrase.strategy()
              + "]: '" + paraphrase.text() + "' (stored: '" + corpus.prompt(i) + "'; guards against it: "
              + (own == null ? "accept" : own) + ")");
        }
      }
    }
    SemanticStatistics after = cache.statistics();
    System.out.printf("%ssemantic: %d/%d SEMANTIC hits (%d of them found another stored prompt than the one "
        + "paraphrased); p50 %s ms, p99 %s ms%n", indent, block.hits, block.count(), otherPrompt,
        ms(block.percentile(0.50)), ms(block.percentile(0.99)));
    StringBuilder strategies = new StringBuilder();
    byStrategy.forEach((s, c) -> strategies.append(String.format(" %s %d/%d", s.label, c[0], c[1])));
    System.out.println(indent + "  by paraphrase:" + strategies);
    if (before != null) {
      long[] histogram = delta(after.nearestSimilarity(), before.nearestSimilarity());
      System.out.printf("%s  nearest similarity: >=0.92 %d, 0.85-0.92 %d, <0.85 %d; guard refusals %d; of the %d "
          + "misses, %d are refused by the guards against the prompt paraphrased itself (the rest: the nearest "
          + "stored prompt was another one, refused or below the threshold)%n", indent, sum(histogram, 92, 101),
          sum(histogram, 85, 92), sum(histogram, 0, 85), after.guardRejections() - before.guardRejections(),
          block.count() - block.hits, refusedOwn);
    }
    block.examples.forEach(e -> System.out.println(indent + "  " + e));
    others.forEach(e -> System.out.println(indent + "  " + e));
    return block;
  }

  /** Looks every unrelated probe up: each must miss. */
  Block miss(SemanticCache cache) {
    Block block = new Block();
    for (int k = 0; k < probes.miss().length; k++) {
      String prompt = probes.miss()[k];
      Optional<SemanticHit> hit = lookup(cache, prompt, "miss lookup", block, k);
      if (k < warmup) {
        continue;
      }
      if (hit.isEmpty()) {
        block.hits++; // a miss, as it should be
      } else if (block.examples.size() < 3) {
        block.examples.add("'" + prompt + "' -> " + hit.get().tier() + " '" + hit.get().storedPrompt() + "'");
      }
    }
    System.out.printf("    miss:     %d/%d missed; p50 %s ms, p99 %s ms%n", block.hits, block.count(),
        ms(block.percentile(0.50)), ms(block.percentile(0.99)));
    block.examples.forEach(e -> System.out.println("      unexpected hit: " + e));
    return block;
  }

  /** Lookup {@code k} of a block: its latency goes into {@code block} unless it is one of the warm-up ones. */
  private Optional<SemanticHit> lookup(SemanticCache cache, String prompt, String what, Block block, int k) {
    long begin = System.nanoTime();
    Optional<SemanticHit> hit = check(cache.lookup(prompt), what);
    long nanos = System.nanoTime() - begin;
    if (k >= warmup) {
      block.record(nanos);
    }
    return hit;
  }

  /** The value of {@code result}; an {@link IllegalStateException} naming {@code what} if it is an error. */
  static <T> T check(Result<T> result, String what) {
    if (result.isErr()) {
      throw new IllegalStateException(what + " failed: " + result.error());
    }
    return result.unwrap();
  }

  private static long[] delta(long[] after, long[] before) {
    long[] d = new long[after.length];
    for (int i = 0; i < after.length; i++) {
      d[i] = after[i] - before[i];
    }
    return d;
  }

  private static long sum(long[] histogram, int from, int to) {
    long total = 0;
    for (int i = from; i < Math.min(to, histogram.length); i++) {
      total += histogram[i];
    }
    return total;
  }
}
