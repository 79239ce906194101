package dev.lexigram.cache.semantic;

import dev.lexigram.cache.config.SemanticSettings;
import dev.lexigram.cache.semantic.embed.Embedder;
import dev.lexigram.cache.semantic.embed.EmbeddingModels;
import dev.lexigram.cache.semantic.index.FlatIndex;
import dev.lexigram.cache.semantic.index.Match;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Measures a semantic cache's decisions on labelled prompt pairs, the way a cache meets them: every
 * first prompt is stored (one partition, one index), every second prompt is looked up. As in the
 * cache, a lookup considers the {@link SemanticCacheImpl#CANDIDATES} nearest stored prompts, nearest
 * first, and hits with the first that is at least the threshold similar and (with guards) that no
 * guard refuses. A hit is right when it finds the first prompt of its own pair and the pair is
 * labelled a paraphrase; every other hit is wrong.
 *
 * <ul>
 *   <li><b>hit rate</b>: the share of paraphrase pairs whose second prompt hit, rightly;
 *   <li><b>precision</b>: right hits over all hits.
 * </ul>
 *
 * Input: UTF-8 lines {@code label<TAB>kind<TAB>first<TAB>second}, label 1 for a paraphrase and 0
 * for a pair whose answers differ. Run with {@code scripts/semantic-eval file.tsv…}.
 */
public final class PairEvaluation {

  /** One labelled pair. */
  public record Pair(boolean paraphrase, String kind, String first, String second) {}

  /** One of the nearest stored prompts of a lookup: its pair's number, its similarity, whether a guard refused it. */
  public record Candidate(int pair, double similarity, boolean refused) {}

  /** What one lookup found: the nearest stored prompts, nearest first, as the cache considers them. */
  public record Lookup(Pair pair, int number, List<Candidate> candidates) {

    /** Returns the candidate the cache would answer with at this threshold, or null for a miss. */
    Candidate answer(double threshold, boolean guards) {
      for (Candidate c : candidates) {
        if (c.similarity() < threshold) {
          return null;
        }
        if (!(guards && c.refused())) {
          return c;
        }
      }
      return null;
    }

    boolean right(Candidate answer) {
      return answer != null && answer.pair() == number && pair.paraphrase();
    }
  }

  /** The outcome at one threshold. */
  public record Row(double threshold, boolean guards, double hitRate, double precision, int hits, int wrong) {}

  private final List<Lookup> lookups;
  private final int paraphrases;

  private PairEvaluation(List<Lookup> lookups) {
    this.lookups = lookups;
    this.paraphrases = (int) lookups.stream().filter(l -> l.pair().paraphrase()).count();
  }

  /** Reads pairs from the files (see the class comment). */
  public static List<Pair> read(List<Path> files) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    for (Path file : files) {
      int number = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (fields.length != 4 || !(fields[0].equals("0") || fields[0].equals("1"))) {
          throw new IllegalArgumentException(file + ":" + number + ": expected label<TAB>kind<TAB>first<TAB>second"
              + " with label 0 or 1");
        }
        pairs.add(new Pair(fields[0].equals("1"), fields[1], fields[2], fields[3]));
      }
    }
    return pairs;
  }

  /** Embeds every prompt and looks every second prompt up among all first prompts. */
  public static PairEvaluation run(List<Pair> pairs, Embedder embedder) {
    List<String> firsts = pairs.stream().map(p -> PromptNormalizer.normalize(p.first())).toList();
    List<String> seconds = pairs.stream().map(p -> PromptNormalizer.normalize(p.second())).toList();
    float[][] stored = IntStream.range(0, pairs.size()).parallel().mapToObj(i -> embedder.embed(firsts.get(i)))
        .toArray(float[][]::new);
    var index = new FlatIndex(embedder.dimension(), pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      index.add(i, "", stored[i]);
    }
    List<Lookup> lookups = IntStream.range(0, pairs.size()).parallel().mapToObj(i -> {
      List<Candidate> candidates = new ArrayList<>();
      for (Match match : index.nearest("", embedder.embed(seconds.get(i)), -1f, SemanticCacheImpl.CANDIDATES)) {
        int first = (int) match.id();
        candidates.add(new Candidate(first, Math.min(1.0, match.similarity()),
            MeaningGuard.refuse(seconds.get(i), firsts.get(first)) != null));
      }
      return new Lookup(pairs.get(i), i, candidates);
    }).toList();
    return new PairEvaluation(lookups);
  }

  /** Returns the outcome at a threshold, with or without guards. */
  public Row at(double threshold, boolean guards) {
    int hits = 0;
    int right = 0;
    for (Lookup l : lookups) {
      Candidate answer = l.answer(threshold, guards);
      if (answer != null) {
        hits++;
        if (l.right(answer)) {
          right++;
        }
      }
    }
    return new Row(threshold, guards, paraphrases == 0 ? 0 : (double) right / paraphrases,
        hits == 0 ? 1 : (double) right / hits, hits, hits - right);
  }

  /** Returns, per kind of pair, how many second prompts hit at the threshold (with guards as given). */
  public Map<String, int[]> hitsByKind(double threshold, boolean guards) {
    Map<String, int[]> byKind = new TreeMap<>();
    for (Lookup l : lookups) {
      int[] counts = byKind.computeIfAbsent(l.pair().kind(), k -> new int[2]);
      counts[1]++;
      if (l.answer(threshold, guards) != null) {
        counts[0]++;
      }
    }
    return byKind;
  }

  /** Prints the table of thresholds from 0.80 to 0.97, with and without guards. */
  public void print(PrintStream out, double defaultThreshold) {
    out.printf(Locale.ROOT, "%d pairs: %d paraphrases, %d that must not share an answer%n", lookups.size(), paraphrases,
        lookups.size() - paraphrases);
    out.println();
    out.println("| threshold | guards off: precision | hit rate | guards on: precision | hit rate | wrong hits (on) |");
    out.println("| --- | --- | --- | --- | --- | --- |");
    for (int t = 80; t <= 97; t++) {
      Row off = at(t / 100.0, false);
      Row on = at(t / 100.0, true);
      out.printf(Locale.ROOT, "| %.2f%s | %.3f | %.3f | %.3f | %.3f | %d |%n", t / 100.0,
          Math.abs(t / 100.0 - defaultThreshold) < 1e-9 ? " (default)" : "", off.precision(), off.hitRate(),
          on.precision(), on.hitRate(), on.wrong());
    }
    out.println();
    out.printf(Locale.ROOT, "Second prompts that hit at %.2f, by kind (guards off -> on):%n", defaultThreshold);
    Map<String, int[]> off = hitsByKind(defaultThreshold, false);
    hitsByKind(defaultThreshold, true).forEach((kind, on) -> out.printf(Locale.ROOT, "  %-10s %4d -> %4d of %d%n", kind,
        off.get(kind)[0], on[0], on[1]));
  }

  /** Command line: {@code PairEvaluation file.tsv…}; uses the default model. */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: scripts/semantic-eval pairs.tsv [more.tsv …]");
      System.exit(2);
    }
    List<Pair> pairs = read(java.util.Arrays.stream(args).map(Path::of).toList());
    Embedder embedder = EmbeddingModels.open(SemanticSettings.DEFAULT_MODEL, SemanticSettings.DEFAULT_MAX_PROMPT_CHARS,
        PairEvaluation.class.getClassLoader());
    long started = System.nanoTime();
    PairEvaluation evaluation = run(pairs, embedder);
    System.out.printf(Locale.ROOT, "model %s, %d prompts embedded in %.1f s%n", embedder.modelId(), pairs.size() * 2,
        (System.nanoTime() - started) / 1e9);
    evaluation.print(System.out, SemanticSettings.DEFAULT_THRESHOLD);
  }
}
