package dev.lexigram.cache.benchmarks;

import dev.lexigram.cache.benchmarks.RatioReport.Ratio;
import dev.lexigram.cache.benchmarks.RatioReport.RowKey;
import dev.lexigram.cache.benchmarks.RatioReport.Score;
import dev.lexigram.cache.benchmarks.RatioReport.Section;
import dev.lexigram.cache.benchmarks.RatioReport.Table;
import dev.lexigram.cache.benchmarks.RatioReport.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Prints the comparison tables of a run of interleaved rounds ({@code benchmarks/run-rounds}): each
 * round ran every candidate of every row once, one after the other, so a ratio is taken between
 * the two trials of one round, minutes apart at most, and never between trials a whole run apart.
 * For each ratio and row it prints the median of the rounds' ratios with their range, and judges
 * each target on that median, saying in how many rounds the ratio alone met it.
 *
 * <p>On a shared 2-core machine a trial's rate moves by 20-70% between runs and up to 2x between
 * forks of one run, slowly (the neighbours' load, the layout a fork's heap gets). Pairing within
 * a round cancels the slow part; the median over rounds discards the odd round a burst spoiled.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.lexigram.cache.benchmarks.RatioReport --rounds
 * DIR...}, one directory of JMH JSON result files per round.
 */
final class RoundsReport {

  private final List<RatioReport> rounds;

  private RoundsReport(List<RatioReport> rounds) {
    this.rounds = rounds;
  }

  static void main(String[] roundDirectories) throws IOException {
    List<RatioReport> rounds = new ArrayList<>();
    for (String directory : roundDirectories) {
      RatioReport round = new RatioReport();
      try (Stream<Path> files = Files.list(Path.of(directory))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          if (Files.size(file) > 0) {
            round.read(file);
          }
        }
      }
      rounds.add(round);
    }
    new RoundsReport(rounds).print(System.out);
  }

  private void print(PrintStream out) {
    int sectionCount = rounds.get(0).sections().size();
    boolean any = false;
    for (int s = 0; s < sectionCount; s++) {
      List<Section> perRound = new ArrayList<>();
      for (RatioReport round : rounds) {
        perRound.add(round.sections().get(s));
      }
      if (perRound.stream().anyMatch(section -> !section.rows.isEmpty())) {
        print(perRound, out);
        any = true;
      }
    }
    if (!any) {
      out.println("No results.");
    }
  }

  private void print(List<Section> perRound, PrintStream out) {
    Section first = perRound.stream().filter(section -> !section.rows.isEmpty()).findFirst().orElseThrow();
    Map<RowKey, List<Map<String, Score>>> rows = new TreeMap<>(
        Comparator.comparing(RowKey::operation).thenComparingInt(RowKey::threads));
    for (Section section : perRound) {
      section.rows.forEach((key, scores) -> rows.computeIfAbsent(key, k -> new ArrayList<>()).add(scores));
    }
    List<String> columns = perRound.stream().flatMap(section -> section.columns.stream()).distinct().toList();

    out.println();
    out.println(first.benchmarkName + ":" + first.description + " " + perRound.size()
        + " interleaved rounds; median throughput in ops/s, all threads together (higher is better)");
    printMedianThroughput(rows, columns, out);
    out.println();
    out.println("Ratios within each round: median (lowest-highest of the rounds)");
    printRatios(first.ratios, rows, out);
    out.println();
    out.println(first.targetHeading + ", judged on the median of the rounds' ratios");
    for (Ratio ratio : first.ratios) {
      for (Target target : ratio.targets()) {
        printTarget(ratio, target, rows, out);
      }
    }
  }

  private static void printMedianThroughput(Map<RowKey, List<Map<String, Score>>> rows, List<String> columns, PrintStream out) {
    List<String> header = new ArrayList<>(List.of("op", "threads"));
    header.addAll(columns);
    Table table = new Table(header);
    rows.forEach((key, rounds) -> {
      List<String> cells = new ArrayList<>(List.of(key.operation(), Integer.toString(key.threads())));
      for (String column : columns) {
        List<Double> scores = rounds.stream().map(scoresOfRound -> scoresOfRound.get(column))
            .filter(score -> score != null).map(Score::opsPerSecond).toList();
        cells.add(scores.isEmpty() ? "-" : String.format(Locale.ROOT, "%,.0f", median(scores)));
      }
      table.add(cells);
    });
    table.print(out);
  }

  private static void printRatios(List<Ratio> ratios, Map<RowKey, List<Map<String, Score>>> rows, PrintStream out) {
    List<String> header = new ArrayList<>(List.of("op", "threads"));
    ratios.forEach(ratio -> header.add(ratio.label()));
    Table table = new Table(header);
    rows.forEach((key, rounds) -> {
      List<String> cells = new ArrayList<>(List.of(key.operation(), Integer.toString(key.threads())));
      for (Ratio ratio : ratios) {
        List<Double> values = ratios(ratio, rounds);
        cells.add(values.isEmpty() ? "-" : ratio.format(median(values)) + " (" + ratio.number(values.get(0)) + "-"
            + ratio.number(values.get(values.size() - 1)) + ")");
      }
      table.add(cells);
    });
    table.print(out);
  }

  private static void printTarget(Ratio ratio, Target target, Map<RowKey, List<Map<String, Score>>> rows, PrintStream out) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %s%s >= %s:",
        target.scope().isEmpty() ? "" : target.scope() + ": ", ratio.label(), target.text()));
    boolean allMet = true;
    boolean any = false;
    for (var row : rows.entrySet()) {
      List<Double> values = ratios(ratio, row.getValue());
      if (!target.appliesTo(row.getKey()) || values.isEmpty()) {
        continue;
      }
      any = true;
      double median = median(values);
      boolean met = median >= target.least();
      allMet &= met;
      long roundsMet = values.stream().filter(value -> value >= target.least()).count();
      line.append(String.format(Locale.ROOT, "  %d thread%s %s %s (%d of %d rounds);", row.getKey().threads(),
          row.getKey().threads() == 1 ? "" : "s", ratio.format(median), met ? "met" : "NOT met", roundsMet,
          values.size()));
    }
    line.append(any ? (allMet ? "  => MET" : "  => NOT MET") : "  no rows with both candidates");
    out.println(line);
  }

  /** The ratio in each round that has both candidates of the row, in ascending order. */
  private static List<Double> ratios(Ratio ratio, List<Map<String, Score>> rounds) {
    return rounds.stream().map(scores -> RatioReport.ratio(scores, ratio)).filter(value -> value != null)
        .sorted().toList();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
