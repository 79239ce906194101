package dev.lexigram.cache.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints the comparison table of a {@link MemoryGetPutBenchmark} run from JMH's JSON result
 * ({@code -rf json -rff FILE}): ops/s per candidate for each operation and thread count, the
 * ratios the targets are stated in, whether each target is met, and the allocation per
 * operation when the run used {@code -prof gc}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.lexigram.cache.benchmarks.RatioReport result.json}
 */
public final class RatioReport {

  private static final List<String> CANDIDATES = List.of("lexigram-byRef", "lexigram-byValue",
      "caffeine-raw", "caffeine-jcache-byRef", "caffeine-jcache-byValue");

  /** A ratio the README states, and the least value the get rows must reach (0 = no target). */
  private record Ratio(String numerator, String denominator, double getTarget) {
    String label() {
      return numerator + " / " + denominator;
    }
  }

  private static final List<Ratio> RATIOS = List.of(
      new Ratio("lexigram-byRef", "caffeine-raw", 0.7),
      new Ratio("lexigram-byValue", "caffeine-jcache-byValue", 3.0),
      new Ratio("lexigram-byRef", "caffeine-jcache-byRef", 0));

  /** One row of the table: an operation (get, put) at a thread count. */
  private record RowKey(String operation, int threads) {}

  /** One JMH result: throughput with its error, and allocated bytes per op if profiled. */
  private record Score(double opsPerSecond, double error, Double bytesPerOp) {}

  private final Map<RowKey, Map<String, Score>> rows = new TreeMap<>(
      Comparator.comparing(RowKey::operation).thenComparingInt(RowKey::threads));
  private final Set<String> candidates = new LinkedHashSet<>(CANDIDATES);
  private String benchmarkName = "MemoryGetPutBenchmark";

  private RatioReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("Usage: RatioReport <jmh-result.json>");
      System.exit(2);
    }
    RatioReport report = new RatioReport();
    report.read(new ObjectMapper().readTree(Files.readString(Path.of(args[0]))));
    report.print(System.out);
  }

  private void read(JsonNode results) {
    for (JsonNode result : results) {
      String benchmark = result.path("benchmark").asText();
      int methodStart = benchmark.lastIndexOf('.');
      String method = benchmark.substring(methodStart + 1);
      benchmarkName = simpleClassName(benchmark.substring(0, Math.max(methodStart, 0)));
      String operation = method.contains("_") ? method.substring(0, method.indexOf('_')) : method;
      String candidate = result.path("params").path("candidate").asText("?");
      candidates.add(candidate);
      JsonNode primary = result.path("primaryMetric");
      Score score = new Score(primary.path("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN),
          bytesPerOp(result.path("secondaryMetrics")));
      rows.computeIfAbsent(new RowKey(operation, result.path("threads").asInt()), key -> new TreeMap<>())
          .put(candidate, score);
    }
  }

  private static String simpleClassName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static Double bytesPerOp(JsonNode secondary) {
    for (var fields = secondary.fields(); fields.hasNext(); ) {
      var field = fields.next();
      if (field.getKey().endsWith("gc.alloc.rate.norm")) {
        return field.getValue().path("score").asDouble();
      }
    }
    return null;
  }

  private void print(PrintStream out) {
    if (rows.isEmpty()) {
      out.println("No results.");
      return;
    }
    out.println();
    out.println(benchmarkName + ": throughput in ops/s, all threads together (higher is better; "
        + "± is JMH's 99.9% error as a share of the score)");
    printThroughput(out);
    out.println();
    out.println("Ratios (higher favours lexigram)");
    printRatios(out);
    out.println();
    out.println("Targets (get rows)");
    printTargets(out);
    if (rows.values().stream().flatMap(scores -> scores.values().stream()).anyMatch(s -> s.bytesPerOp() != null)) {
      out.println();
      out.println("Allocation in bytes per operation (-prof gc, gc.alloc.rate.norm)");
      printAllocation(out);
    }
  }

  private void printThroughput(PrintStream out) {
    List<String> header = new ArrayList<>(List.of("op", "threads"));
    header.addAll(candidates);
    Table table = new Table(header);
    rows.forEach((key, scores) -> {
      List<String> cells = new ArrayList<>(List.of(key.operation(), Integer.toString(key.threads())));
      for (String candidate : candidates) {
        Score score = scores.get(candidate);
        cells.add(score == null ? "-" : throughput(score));
      }
      table.add(cells);
    });
    table.print(out);
  }

  /** The score, and its error as a share of it when JMH could compute one (2+ iterations). */
  private static String throughput(Score score) {
    String ops = String.format(Locale.ROOT, "%,.0f", score.opsPerSecond());
    if (Double.isNaN(score.error()) || score.opsPerSecond() == 0) {
      return ops;
    }
    return ops + String.format(Locale.ROOT, " ±%.0f%%", 100 * score.error() / score.opsPerSecond());
  }

  private void printRatios(PrintStream out) {
    List<String> header = new ArrayList<>(List.of("op", "threads"));
    RATIOS.forEach(ratio -> header.add(ratio.label()));
    Table table = new Table(header);
    rows.forEach((key, scores) -> {
      List<String> cells = new ArrayList<>(List.of(key.operation(), Integer.toString(key.threads())));
      for (Ratio ratio : RATIOS) {
        Double value = ratio(scores, ratio);
        cells.add(value == null ? "-" : String.format(Locale.ROOT, "%.2fx", value));
      }
      table.add(cells);
    });
    table.print(out);
  }

  private void printTargets(PrintStream out) {
    for (Ratio ratio : RATIOS) {
      if (ratio.getTarget() <= 0) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %s >= %.1fx:", ratio.label(), ratio.getTarget()));
      boolean allMet = true;
      boolean any = false;
      for (var row : rows.entrySet()) {
        Double value = ratio(row.getValue(), ratio);
        if (!row.getKey().operation().equals("get") || value == null) {
          continue;
        }
        any = true;
        boolean met = value >= ratio.getTarget();
        allMet &= met;
        line.append(String.format(Locale.ROOT, "  %d thread%s %.2fx %s;", row.getKey().threads(),
            row.getKey().threads() == 1 ? "" : "s", value, met ? "met" : "NOT met"));
      }
      line.append(any ? (allMet ? "  => MET" : "  => NOT MET") : "  no get rows with both candidates");
      out.println(line);
    }
  }

  private void printAllocation(PrintStream out) {
    List<String> header = new ArrayList<>(List.of("op", "threads"));
    header.addAll(candidates);
    Table table = new Table(header);
    rows.forEach((key, scores) -> {
      List<String> cells = new ArrayList<>(List.of(key.operation(), Integer.toString(key.threads())));
      for (String candidate : candidates) {
        Score score = scores.get(candidate);
        cells.add(score == null || score.bytesPerOp() == null ? "-"
            : String.format(Locale.ROOT, "%.1f", score.bytesPerOp()));
      }
      table.add(cells);
    });
    table.print(out);
  }

  private static Double ratio(Map<String, Score> scores, Ratio ratio) {
    Score numerator = scores.get(ratio.numerator());
    Score denominator = scores.get(ratio.denominator());
    if (numerator == null || denominator == null || denominator.opsPerSecond() == 0) {
      return null;
    }
    return numerator.opsPerSecond() / denominator.opsPerSecond();
  }

  /** A plain-text table: the first two columns left-aligned, the rest right-aligned. */
  private static final class Table {
    private final List<List<String>> lines = new ArrayList<>();

    Table(List<String> header) {
      lines.add(header);
    }

    void add(List<String> cells) {
      lines.add(cells);
    }

    void print(PrintStream out) {
      int columns = lines.get(0).size();
      int[] widths = new int[columns];
      for (List<String> line : lines) {
        for (int c = 0; c < columns; c++) {
          widths[c] = Math.max(widths[c], line.get(c).length());
        }
      }
      for (List<String> line : lines) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < columns; c++) {
          String format = (c < 2) ? "%-" + widths[c] + "s" : "%" + widths[c] + "s";
          text.append(c == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, line.get(c)));
        }
        out.println(text.toString().stripTrailing());
      }
    }
  }
}
