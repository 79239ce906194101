package dev.lexigram.cache.benchmarks;

import dev.lexigram.cache.semantic.index.DotProduct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The semantic cache harness's results: the latencies of each kind of lookup with their
 * percentiles ({@link Block}), one table row per backend and size ({@link Row}), and the markdown
 * tables, one per backend, printed at the end of the run.
 */
final class SemanticReport {

  private final Map<String, List<Row>> tables = new LinkedHashMap<>();

  void add(String backend, Row row) {
    tables.computeIfAbsent(backend, b -> new ArrayList<>()).add(row);
  }

  /** Prints one markdown table per backend, in the order the rows were added, with a title and a legend. */
  void print(int threads, int lookups) {
    System.out.println();
    System.out.println("Semantic cache: N prompts stored with " + threads + " threads, then single-thread lookups ("
        + lookups + " timed of each kind); default model, threshold 0.92, guards on; dot product "
        + DotProduct.describe());
    for (var table : tables.entrySet()) {
      System.out.println();
      System.out.println("### " + table.getKey());
      System.out.println();
      System.out.println("| size | fill (emb/s) | exact p50/p99 ms | semantic p50/p99 ms (hits/attempts) "
          + "| miss p50/p99 ms | open ms | heap bytes/entry | backend bytes/entry | 1st lookup ms | 2nd mgr hits |");
      System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      table.getValue().forEach(r -> System.out.println(r.markdown()));
    }
    System.out.println();
    System.out.println("heap bytes/entry: memory backend = records + index; redis/memcached = this process's index"
        + " only. backend bytes/entry: Redis used_memory or memcached 'bytes' growth over N (records, feed slots).");
  }

  /** Nanoseconds as milliseconds: three decimals below 1 ms, two below 10 ms, else one. */
  static String ms(long nanos) {
    double millis = nanos / 1e6;
    return millis < 1 ? String.format("%.3f", millis) : millis < 10 ? String.format("%.2f", millis)
        : String.format("%.1f", millis);
  }

  /** The timed lookups of one kind: their latencies, and how many came out as they should. */
  static final class Block {
    private long[] nanos = new long[64];
    private int count;
    int hits;
    final List<String> examples = new ArrayList<>();

    void record(long n) {
      if (count == nanos.length) {
        nanos = Arrays.copyOf(nanos, count * 2);
      }
      nanos[count++] = n;
    }

    int count() {
      return count;
    }

    /** Nearest-rank percentile, in nanoseconds. */
    long percentile(double p) {
      if (count == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(nanos, count);
      Arrays.sort(sorted);
      return sorted[(int) Math.max(0, Math.ceil(p * count) - 1)];
    }

    String cell() {
      return ms(percentile(0.50)) + " / " + ms(percentile(0.99));
    }
  }

  /** One line of a backend's table. */
  static final class Row {
    final int size;
    String failure;
    double fillRate;
    double heapPerEntry;
    Double backendPerEntry;
    double firstLookupMillis;
    Double openMillis;
    String secondHits;
    Block exact;
    Block semantic;
    Block miss;

    Row(int size) {
      this.size = size;
    }

    static Row failed(int size, String failure) {
      Row row = new Row(size);
      row.failure = failure;
      return row;
    }

    String markdown() {
      if (failure != null) {
        return String.format("| %,d | failed: %s | | | | | | | | |", size, failure.replace('|', '/'));
      }
      String exactCell = exact.cell()
          + (exact.hits == exact.count() ? "" : " (" + exact.hits + "/" + exact.count() + " hit)");
      String missCell = miss.cell() + (miss.hits == miss.count() ? "" : " (" + (miss.count() - miss.hits) + " hit)");
      return String.format("| %,d | %.0f | %s | %s (%d/%d) | %s | %s | %,.0f | %s | %.1f | %s |", size, fillRate,
          exactCell, semantic.cell(), semantic.hits, semantic.count(), missCell,
          openMillis == null ? "—" : String.format("%,.0f", openMillis), heapPerEntry,
          backendPerEntry == null ? "—" : String.format("%,.0f", backendPerEntry), firstLookupMillis,
          secondHits == null ? "—" : secondHits);
    }
  }
}
