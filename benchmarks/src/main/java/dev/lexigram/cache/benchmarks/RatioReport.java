package dev.lexigram.cache.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints the comparison tables of a benchmark run from JMH's JSON result ({@code -rf json -rff
 * FILE}), one section per benchmark class in the result:
 *
 * <ul>
 *   <li>{@link MemoryGetPutBenchmark}: ops/s per candidate for each operation and thread count,
 *       the ratios the targets are stated in and whether each target is met;
 *   <li>{@link MemoryByValueBenchmark}: ops/s of by-value get and put of a record for lexigram with
 *       each serializer and Caffeine's JCache, and the ratios to Caffeine with issue 3's target;
 *   <li>{@link ExtensionGetBenchmark}: ops/s of a get hit through the standard API, through
 *       {@code LexigramCache} and through {@code CacheBackend} (each returning the {@code Result}, and
 *       each consuming it: the {@code ...Value} columns), and the extension calls' ratios to the
 *       standard one, with their target;
 *   <li>{@link RedisBenchmark}: ops/s of get, put and getAll(10) at 1, 8 and 64 threads for
 *       lexigram, raw Lettuce and Redisson's JCache, the ratios lexigram / lettuce-raw and
 *       lexigram / redisson-jcache and issue 5's targets; with {@code lexigram-breaker} (the same
 *       backend behind its closed circuit breaker), the ratio lexigram-breaker / lexigram and the
 *       breaker's target on the get rows;
 *   <li>{@link MemcachedBenchmark}: the same for lexigram and raw spymemcached, the ratio
 *       lexigram / spymemcached-raw and issue 6's target;
 *   <li>{@link TagGetBenchmark}: ops/s of a get hit of tagged and untagged entries on memory, Redis
 *       and memcached at 1 and 8 threads, the tagged / untagged ratio per backend and its target,
 *       and on memory the ratios to the {@code memory-ttl} control (an untagged entry with an
 *       expiry), which split the cost between the tag check and the entry object;
 *   <li>{@link TagInvalidateBenchmark}: the average time of {@code invalidateTags} per backend and
 *       number of entries carrying the tag, and the time at the most entries over the time at the
 *       fewest, which must not grow;
 *   <li>{@link NearCacheBenchmark}: ops/s of a hot-key get at 1, 8 and 64 threads and of a 50/50
 *       put/get mix at 8 threads, for lexigram's Redis backend with and without its near cache, raw
 *       Lettuce, Redisson's JCache and lexigram's memory backend by value; the near cache's ratios
 *       to Redisson's JCache and to the memory backend with their targets, and to the backend
 *       without it;
 *   <li>{@link BreakerOverheadBenchmark}: the average time of a call to lexigram's memory store
 *       bare and behind a closed circuit breaker, their difference in ns, and, when the result also
 *       has {@link RedisBenchmark}'s lexigram get rows, that difference as a share of a Redis get.
 * </ul>
 *
 * Each section adds the allocation per operation when the run used {@code -prof gc}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.lexigram.cache.benchmarks.RatioReport result.json}
 */
public final class RatioReport {

  private static final String EXTENSION_BENCHMARK = "ExtensionGetBenchmark";
  private static final String BY_VALUE_BENCHMARK = "MemoryByValueBenchmark";
  private static final String REDIS_BENCHMARK = "RedisBenchmark";
  private static final String MEMCACHED_BENCHMARK = "MemcachedBenchmark";
  private static final String TAG_GET_BENCHMARK = "TagGetBenchmark";
  private static final String TAG_INVALIDATE_BENCHMARK = "TagInvalidateBenchmark";
  private static final String NEAR_BENCHMARK = "NearCacheBenchmark";
  private static final String BREAKER_BENCHMARK = "BreakerOverheadBenchmark";
  /**
   * The most a closed circuit breaker may cost a Redis get: the target lexigram-breaker / lexigram
   * >= 0.98x on {@link RedisBenchmark}'s get rows, and the breaker's absolute cost ({@link
   * BreakerOverheadBenchmark}) as a share of a Redis get.
   */
  private static final double BREAKER_SHARE_LIMIT = 0.02;
  /**
   * The most {@code invalidateTags} may slow down from the fewest entries carrying the tag to the
   * most (10 to 100,000 in {@link TagInvalidateBenchmark}): a call that enumerated the entries would
   * take thousands of times longer, so twice is room for noise only.
   */
  private static final double INVALIDATE_GROWTH_LIMIT = 2.0;

  /**
   * The least value a ratio must reach on the rows of one operation, printed with {@code
   * decimals} decimals.
   *
   * @param threads the thread counts the target applies to; empty for every row of the operation
   * @param scope printed before the ratio in the target line, or empty (then the line names no
   *     operation: the memory sections, whose heading says "get rows")
   */
  record Target(String operation, Set<Integer> threads, double least, int decimals, String scope) {
    /** A target on every get row, in a section whose heading says so. */
    static Target getRows(double least, int decimals) {
      return new Target("get", Set.of(), least, decimals, "");
    }

    /** A target on the rows of an operation at the given thread counts (none = every row). */
    static Target on(String operation, double least, Integer... threads) {
      String at = threads.length == 0 ? "every thread count"
          : String.join(" and ", Arrays.stream(threads).map(String::valueOf).toList()) + " threads";
      return new Target(operation, Set.of(threads), least, 2, operation + ", " + at);
    }

    boolean appliesTo(RowKey row) {
      return row.operation().equals(operation) && (threads.isEmpty() || threads.contains(row.threads()));
    }

    String text() {
      return String.format(Locale.ROOT, "%." + decimals + "fx", least);
    }
  }

  /**
   * A ratio the README states, and its targets (none = printed without a target), its values
   * printed with {@code decimals} decimals (2 unless a target is as close to 1.00x as the breaker's).
   */
  record Ratio(String numerator, String denominator, List<Target> targets, int decimals) {
    /** A ratio printed with 2 decimals. */
    Ratio(String numerator, String denominator, List<Target> targets) {
      this(numerator, denominator, targets, 2);
    }

    /** A ratio whose get rows must reach {@code getTarget} (0 = no target). */
    Ratio(String numerator, String denominator, double getTarget, int targetDecimals) {
      this(numerator, denominator, getTarget > 0 ? List.of(Target.getRows(getTarget, targetDecimals)) : List.of());
    }

    String label() {
      return numerator + " / " + denominator;
    }

    /** A value of this ratio, as its tables print it. */
    String format(double value) {
      return number(value) + "x";
    }

    /** A value of this ratio without the x (a range's ends). */
    String number(double value) {
      return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
  }

  /** One row of a table: an operation (get, put) at a thread count. */
  record RowKey(String operation, int threads) {}

  /** One JMH result: throughput with its error, and allocated bytes per op if profiled. */
  record Score(double opsPerSecond, double error, Double bytesPerOp) {}

  /**
   * The results of one benchmark class: rows of scores by column ({@code candidate} param, or
   * the API for {@link ExtensionGetBenchmark}), and the ratios printed for them.
   */
  static final class Section {
    /** The class name in the heading; the candidate section takes it from the result. */
    String benchmarkName;
    /** Text between the class name and "throughput" in the heading. */
    final String description;
    /** The columns: the expected ones first, in this order, then any others the result has. */
    final Set<String> columns;
    private final String ratioHeading;
    final List<Ratio> ratios;
    /** The heading of the target lines. */
    String targetHeading = "Targets (get rows)";
    final Map<RowKey, Map<String, Score>> rows = new TreeMap<>(
        Comparator.comparing(RowKey::operation).thenComparingInt(RowKey::threads));

    Section(String benchmarkName, String description, List<String> columns, String ratioHeading, List<Ratio> ratios) {
      this.benchmarkName = benchmarkName;
      this.description = description;
      this.columns = new LinkedHashSet<>(columns);
      this.ratioHeading = ratioHeading;
      this.ratios = ratios;
    }

    Section targets(String heading) {
      this.targetHeading = heading;
      return this;
    }

    void add(RowKey key, String column, Score score) {
      columns.add(column);
      rows.computeIfAbsent(key, k -> new TreeMap<>()).put(column, score);
    }
  }

  /** {@link MemoryGetPutBenchmark}, and any other benchmark with a {@code candidate} param. */
  private final Section candidates = new Section("MemoryGetPutBenchmark", "",
      List.of("lexigram-byRef", "lexigram-byValue", "caffeine-raw", "caffeine-raw-copying", "caffeine-jcache-byRef",
          "caffeine-jcache-byValue"),
      "Ratios (higher favours the first; caffeine-raw-copying is plain Caffeine cloning the array, no JCache layer)",
      List.of(
          new Ratio("lexigram-byRef", "caffeine-raw", 0.7, 1),
          new Ratio("lexigram-byValue", "caffeine-jcache-byValue", 3.0, 1),
          new Ratio("lexigram-byRef", "caffeine-jcache-byRef", 0, 1),
          // plain Caffeine doing the by-value copy without a JCache layer: a reference, not a bound (see README)
          new Ratio("caffeine-raw-copying", "caffeine-jcache-byValue", 0, 1),
          new Ratio("lexigram-byValue", "caffeine-raw-copying", 0, 2)));

  /**
   * {@link MemoryByValueBenchmark}: issue 3's by-value target (3x Caffeine's JCache by-value) on a
   * record value, which Caffeine copies with Java serialization.
   */
  private final Section byValue = new Section(BY_VALUE_BENCHMARK,
      " store-by-value get and put of a small record (Product):",
      List.of("lexigram-auto", "lexigram-json", "lexigram-kryo", "lexigram-java", "caffeine-jcache-byValue"),
      "Ratios to Caffeine's JCache by-value (higher favours lexigram)",
      List.of(
          new Ratio("lexigram-auto", "caffeine-jcache-byValue", 3.0, 1),
          new Ratio("lexigram-json", "caffeine-jcache-byValue", 3.0, 1),
          new Ratio("lexigram-kryo", "caffeine-jcache-byValue", 3.0, 1),
          new Ratio("lexigram-java", "caffeine-jcache-byValue", 0, 1)));

  /** {@link ExtensionGetBenchmark}: the Result wrapper may cost at most 10% of a get hit. */
  private final Section extension = new Section(EXTENSION_BENCHMARK,
      " get hits on one cache through three APIs:",
      List.of("standard", "lexigramCache", "cacheBackend", "lexigramCacheValue", "cacheBackendValue"),
      "Ratios to the standard API (1.00x = the extension call costs nothing over Cache.get)",
      List.of(
          new Ratio("lexigramCache", "standard", 0.90, 2),
          new Ratio("cacheBackend", "standard", 0.90, 2),
          new Ratio("lexigramCacheValue", "standard", 0.90, 2),
          new Ratio("cacheBackendValue", "standard", 0.90, 2)));

  /**
   * {@link RedisBenchmark}: issue 5's targets against raw Lettuce and Redisson's JCache, and the
   * closed circuit breaker's cost on a get ({@code lexigram-breaker}, a candidate on request only,
   * so not among the expected columns: a column appears when the result has it).
   */
  private final Section redis = new Section(REDIS_BENCHMARK,
      " a local redis-server, get (100% hits), put and getAll(10):",
      List.of("lexigram", "lettuce-raw", "redisson-jcache"),
      "Ratios (higher favours the first; lettuce-raw / redisson-jcache bounds any client over Lettuce;"
          + " lexigram-breaker = lexigram behind its closed circuit breaker)",
      List.of(
          new Ratio("lexigram", "lettuce-raw", List.of(Target.on("get", 0.9, 8, 64))),
          new Ratio("lexigram", "redisson-jcache", List.of(Target.on("get", 2.5, 8, 64), Target.on("getAll", 2.0, 8, 64))),
          // the bound of any client over Lettuce: one round trip, no record, no JCache layer
          new Ratio("lettuce-raw", "redisson-jcache", List.of()),
          // a 2% margin: three decimals, so that a value printed as 0.98x cannot miss it
          new Ratio("lexigram-breaker", "lexigram", List.of(new Target("get", Set.of(), 1 - BREAKER_SHARE_LIMIT, 2,
              "circuit breaker closed, get, every thread count")), 3)))
      .targets("Targets (issue 5; the circuit breaker's cost)");

  /** {@link MemcachedBenchmark}: issue 6's target against raw spymemcached, on every row. */
  private final Section memcached = new Section(MEMCACHED_BENCHMARK,
      " a local memcached, get (100% hits), put and getAll(10):",
      List.of("lexigram", "spymemcached-raw"),
      "Ratios (higher favours lexigram)",
      List.of(
          new Ratio("lexigram", "spymemcached-raw",
              List.of(Target.on("get", 0.9), Target.on("put", 0.9), Target.on("getAll", 0.9)))))
      .targets("Targets (issue 6)");

  /**
   * {@link TagGetBenchmark}: a tagged get keeps 80% of the untagged get's throughput, per backend
   * and thread count.
   */
  private final Section tagGet = new Section(TAG_GET_BENCHMARK,
      " get hits of entries carrying 3 tags (<backend>-tagged) and of entries without tags (<backend>-untagged):",
      List.of("memory-untagged", "memory-ttl", "memory-tagged", "redis-untagged", "redis-tagged", "memcached-untagged",
          "memcached-tagged"),
      "Ratios tagged / untagged (1.00x = tags cost nothing; memory-ttl: no tags, an entry object with an expiry)",
      List.of(
          new Ratio("memory-tagged", "memory-untagged", List.of(Target.on("get", 0.8))),
          new Ratio("redis-tagged", "redis-untagged", List.of(Target.on("get", 0.8))),
          new Ratio("memcached-tagged", "memcached-untagged", List.of(Target.on("get", 0.8))),
          // the control: the check alone, and the entry-object path a tagged entry takes on memory
          new Ratio("memory-tagged", "memory-ttl", List.of()),
          new Ratio("memory-ttl", "memory-untagged", List.of())))
      .targets("Targets (tags)");

  /**
   * {@link NearCacheBenchmark}: the near cache's get at least 100x Redisson's JCache and half of
   * lexigram's memory backend by value, at every thread count; the mix rows and the ratios to the
   * Redis backend without a near cache and to raw Lettuce are printed without a target.
   */
  private final Section near = new Section(NEAR_BENCHMARK,
      " hot-key get (" + NearCacheBenchmark.HOT_KEYS + " keys, 100% hits) and a 50/50 put/get mix on the same keys:",
      List.of("lexigram-near", "lexigram", "lexigram-memory", "lettuce-raw", "redisson-jcache"),
      "Ratios (higher favours lexigram-near; lexigram = the same Redis backend without near_cache)",
      List.of(
          new Ratio("lexigram-near", "redisson-jcache", List.of(Target.on("get", 100.0))),
          new Ratio("lexigram-near", "lexigram-memory", List.of(Target.on("get", 0.5))),
          new Ratio("lexigram-near", "lexigram", List.of()),
          new Ratio("lexigram-near", "lettuce-raw", List.of())))
      .targets("Targets (near cache)");

  /**
   * {@link TagInvalidateBenchmark}: average time of a call by backend ({@code backend} param), then
   * by the number of entries carrying the tag ({@code entries} param).
   */
  private final Map<String, Map<Integer, Score>> invalidations = new TreeMap<>(
      Comparator.comparingInt(RatioReport::backendOrder).thenComparing(Comparator.naturalOrder()));

  /**
   * {@link BreakerOverheadBenchmark}: average time of a call in ns (held in {@link
   * Score#opsPerSecond}) by operation and threads, then by store ({@code bare}, {@code breaking}).
   */
  private final Map<RowKey, Map<String, Score>> breakerOverhead = new TreeMap<>(
      Comparator.comparing(RowKey::operation).thenComparingInt(RowKey::threads));

  /** Memory, Redis, memcached, then any other backend. */
  private static int backendOrder(String backend) {
    int known = List.of("memory", "redis", "memcached").indexOf(backend);
    return known < 0 ? Integer.MAX_VALUE : known;
  }

  RatioReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 2 && args[0].equals("--rounds")) {
      RoundsReport.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length != 1) {
      System.err.println("Usage: RatioReport <jmh-result.json>   or   RatioReport --rounds <round-dir>...");
      System.exit(2);
    }
    RatioReport report = new RatioReport();
    report.read(Path.of(args[0]));
    report.print(System.out);
  }

  /** Adds the results of one JMH JSON result file. */
  void read(Path jsonResult) throws IOException {
    read(new ObjectMapper().readTree(Files.readString(jsonResult)));
  }

  /** The sections in the order they are printed. */
  List<Section> sections() {
    return List.of(candidates, byValue, extension, redis, memcached, tagGet, near);
  }

  private void read(JsonNode results) {
    for (JsonNode result : results) {
      String benchmark = result.path("benchmark").asText();
      int methodStart = benchmark.lastIndexOf('.');
      String method = benchmark.substring(methodStart + 1);
      String className = simpleClassName(benchmark.substring(0, Math.max(methodStart, 0)));
      String prefix = method.contains("_") ? method.substring(0, method.indexOf('_')) : method;
      JsonNode primary = result.path("primaryMetric");
      Score score = new Score(primary.path("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN),
          bytesPerOp(result.path("secondaryMetrics")));
      int threads = result.path("threads").asInt();
      if (className.equals(EXTENSION_BENCHMARK)) {
        // methods are <api>_<n>thread(s), every one a get
        extension.add(new RowKey("get", threads), prefix, score);
      } else if (className.equals(REDIS_BENCHMARK) || className.equals(MEMCACHED_BENCHMARK)) {
        // methods are <op>_<n>thread(s), op one of get, put, getAll
        Section section = className.equals(REDIS_BENCHMARK) ? redis : memcached;
        section.add(new RowKey(prefix, threads), result.path("params").path("candidate").asText("?"), score);
      } else if (className.equals(TAG_GET_BENCHMARK)) {
        // methods are get_<n>thread(s); candidates <backend>-tagged and <backend>-untagged
        tagGet.add(new RowKey(prefix, threads), result.path("params").path("candidate").asText("?"), score);
      } else if (className.equals(TAG_INVALIDATE_BENCHMARK)) {
        // one method; the score is the average time per call in microseconds (AverageTime, us/op)
        JsonNode params = result.path("params");
        invalidations.computeIfAbsent(params.path("backend").asText("?"), b -> new TreeMap<>())
            .put(params.path("entries").asInt(), score);
      } else if (className.equals(NEAR_BENCHMARK)) {
        // methods are get_<n>thread(s) and mix_8threads
        near.add(new RowKey(prefix, threads), result.path("params").path("candidate").asText("?"), score);
      } else if (className.equals(BREAKER_BENCHMARK)) {
        // methods are get_<n>thread(s) and read_<n>thread(s); the score is ns per call (AverageTime)
        breakerOverhead.computeIfAbsent(new RowKey(prefix, threads), k -> new TreeMap<>())
            .put(result.path("params").path("store").asText("?"), score);
      } else if (className.equals(BY_VALUE_BENCHMARK)) {
        byValue.add(new RowKey(prefix, threads), result.path("params").path("candidate").asText("?"), score);
      } else {
        candidates.benchmarkName = className;
        candidates.add(new RowKey(prefix, threads), result.path("params").path("candidate").asText("?"), score);
      }
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
    List<Section> sections = sections();
    if (sections.stream().allMatch(section -> section.rows.isEmpty()) && invalidations.isEmpty()
        && breakerOverhead.isEmpty()) {
      out.println("No results.");
      return;
    }
    for (Section section : sections) {
      if (!section.rows.isEmpty()) {
        print(section, out);
      }
    }
    if (!invalidations.isEmpty()) {
      printInvalidations(out);
    }
    if (!breakerOverhead.isEmpty()) {
      printBreakerOverhead(out);
    }
  }

  /**
   * {@link BreakerOverheadBenchmark}'s table: ns per call of the bare memory store and of the same
   * store behind a closed circuit breaker, the difference (the breaker's cost) and, when this
   * result has lexigram's Redis get at the same thread count, that get's time per call of one
   * thread and the breaker's cost as a share of it, judged against {@link #BREAKER_SHARE_LIMIT}.
   */
  private void printBreakerOverhead(PrintStream out) {
    boolean withRedis = breakerOverhead.keySet().stream().anyMatch(key -> redisGetNanos(key.threads()) != null);
    out.println();
    out.println(BREAKER_BENCHMARK + ": a hit on lexigram's memory store, bare and behind a closed circuit breaker"
        + " (BreakingStore), average time per call of one thread in ns (lower is better; ± is JMH's 99.9% error as"
        + " a share of the score)");
    List<String> header = new ArrayList<>(List.of("op", "threads", "bare", "breaking", "breaker (ns)", "breaking / bare"));
    if (withRedis) {
      header.addAll(List.of("Redis get (ns)", "breaker / Redis get"));
    }
    Table table = new Table(header);
    StringBuilder target = new StringBuilder(String.format(Locale.ROOT,
        "  the breaker's cost on a call, breaker / Redis get <= %.0f%%:", 100 * BREAKER_SHARE_LIMIT));
    boolean allMet = true;
    boolean any = false;
    for (var row : breakerOverhead.entrySet()) {
      Score bare = row.getValue().get("bare");
      Score breaking = row.getValue().get("breaking");
      List<String> cells = new ArrayList<>(List.of(row.getKey().operation(), Integer.toString(row.getKey().threads()),
          bare == null ? "-" : nanos(bare), breaking == null ? "-" : nanos(breaking)));
      Double cost = bare == null || breaking == null ? null : breaking.opsPerSecond() - bare.opsPerSecond();
      cells.add(cost == null ? "-" : String.format(Locale.ROOT, "%.1f", cost));
      cells.add(cost == null || bare.opsPerSecond() == 0 ? "-"
          : String.format(Locale.ROOT, "%.2fx", breaking.opsPerSecond() / bare.opsPerSecond()));
      if (withRedis) {
        Double redisGet = redisGetNanos(row.getKey().threads());
        cells.add(redisGet == null ? "-" : String.format(Locale.ROOT, "%,.0f", redisGet));
        if (cost == null || redisGet == null) {
          cells.add("-");
        } else {
          double share = cost / redisGet;
          boolean met = share <= BREAKER_SHARE_LIMIT;
          allMet &= met;
          any = true;
          cells.add(String.format(Locale.ROOT, "%.3f%%", 100 * share));
          target.append(String.format(Locale.ROOT, "  %s %d thread%s %.3f%% %s;", row.getKey().operation(),
              row.getKey().threads(), row.getKey().threads() == 1 ? "" : "s", 100 * share, met ? "met" : "NOT met"));
        }
      }
      table.add(cells);
    }
    table.print(out);
    if (breakerOverhead.values().stream().flatMap(scores -> scores.values().stream()).anyMatch(s -> s.bytesPerOp() != null)) {
      out.println();
      out.println("Allocation in bytes per call (-prof gc, gc.alloc.rate.norm)");
      Table allocation = new Table(List.of("op", "threads", "bare", "breaking"));
      breakerOverhead.forEach((key, scores) -> {
        List<String> cells = new ArrayList<>(List.of(key.operation(), Integer.toString(key.threads())));
        for (String store : List.of("bare", "breaking")) {
          Score score = scores.get(store);
          cells.add(score == null || score.bytesPerOp() == null ? "-"
              : String.format(Locale.ROOT, "%.1f", score.bytesPerOp()));
        }
        allocation.add(cells);
      });
      allocation.print(out);
    }
    out.println();
    if (!withRedis) {
      out.println("(Run it beside RedisBenchmark's lexigram get rows, as benchmarks/run-remote breaker does, for the"
          + " breaker's cost as a share of a Redis get.)");
      return;
    }
    out.println("Redis get (ns): RedisBenchmark's lexigram get at the same thread count in this result, as the time"
        + " per call of one thread (threads / throughput).");
    out.println();
    out.println("Target (circuit breaker closed, measured where it is visible)");
    target.append(any ? (allMet ? "  => MET" : "  => NOT MET") : "  no row with both stores and a Redis get");
    out.println(target);
  }

  /** Lexigram's Redis get in this result at {@code threads} threads, as ns per call of one thread; or null. */
  private Double redisGetNanos(int threads) {
    Map<String, Score> scores = redis.rows.get(new RowKey("get", threads));
    Score get = scores == null ? null : scores.get("lexigram");
    return get == null || get.opsPerSecond() == 0 ? null : threads * 1e9 / get.opsPerSecond();
  }

  /** An average time in ns (held in {@link Score#opsPerSecond}), with its error as a share. */
  private static String nanos(Score score) {
    String time = String.format(Locale.ROOT, "%,.1f", score.opsPerSecond());
    if (Double.isNaN(score.error()) || score.opsPerSecond() == 0) {
      return time;
    }
    return time + String.format(Locale.ROOT, " ±%.0f%%", 100 * score.error() / score.opsPerSecond());
  }

  /**
   * {@link TagInvalidateBenchmark}'s table: microseconds per call for each backend and number of
   * entries carrying the tag, the time at the most entries over the time at the fewest, and
   * whether that stayed within {@link #INVALIDATE_GROWTH_LIMIT}.
   */
  private void printInvalidations(PrintStream out) {
    List<Integer> counts = invalidations.values().stream().flatMap(scores -> scores.keySet().stream())
        .distinct().sorted().toList();
    int fewest = counts.get(0);
    int most = counts.get(counts.size() - 1);
    String growth = most + " / " + fewest;
    out.println();
    out.println(TAG_INVALIDATE_BENCHMARK + ": invalidateTags(\"t\") with N entries carrying the tag, average time in "
        + "microseconds per call, one thread (lower is better; ± is JMH's 99.9% error as a share of the score)");
    List<String> header = new ArrayList<>(List.of("op", "backend"));
    counts.forEach(count -> header.add(String.format(Locale.ROOT, "%,d entries", count)));
    header.add(growth);
    Table table = new Table(header);
    StringBuilder target = new StringBuilder(String.format(Locale.ROOT,
        "  the time does not grow with the entries, %s <= %.2fx:", growth, INVALIDATE_GROWTH_LIMIT));
    boolean allMet = true;
    boolean any = false;
    for (var backend : invalidations.entrySet()) {
      Map<Integer, Score> scores = backend.getValue();
      List<String> cells = new ArrayList<>(List.of("invalidateTags", backend.getKey()));
      for (int count : counts) {
        Score score = scores.get(count);
        cells.add(score == null ? "-" : micros(score));
      }
      Score low = scores.get(fewest);
      Score high = scores.get(most);
      if (fewest != most && low != null && high != null && low.opsPerSecond() > 0) {
        double ratio = high.opsPerSecond() / low.opsPerSecond();
        boolean met = ratio <= INVALIDATE_GROWTH_LIMIT;
        allMet &= met;
        any = true;
        cells.add(String.format(Locale.ROOT, "%.2fx", ratio));
        target.append(String.format(Locale.ROOT, "  %s %.2fx %s;", backend.getKey(), ratio, met ? "met" : "NOT met"));
      } else {
        cells.add("-");
      }
      table.add(cells);
    }
    table.print(out);
    out.println();
    out.println("Target (tags)");
    target.append(any ? (allMet ? "  => MET" : "  => NOT MET") : "  no backend with both entry counts");
    out.println(target);
  }

  /** An average time in microseconds (held in {@link Score#opsPerSecond}), with its error as a share. */
  private static String micros(Score score) {
    String time = String.format(Locale.ROOT, score.opsPerSecond() < 10 ? "%.3f" : "%,.1f", score.opsPerSecond());
    if (Double.isNaN(score.error()) || score.opsPerSecond() == 0) {
      return time;
    }
    return time + String.format(Locale.ROOT, " ±%.0f%%", 100 * score.error() / score.opsPerSecond());
  }

  private static void print(Section section, PrintStream out) {
    out.println();
    out.println(section.benchmarkName + ":" + section.description + " throughput in ops/s, all threads together "
        + "(higher is better; ± is JMH's 99.9% error as a share of the score)");
    printThroughput(section, out);
    out.println();
    out.println(section.ratioHeading);
    printRatios(section, out);
    out.println();
    out.println(section.targetHeading);
    printTargets(section, out);
    if (section.rows.values().stream().flatMap(scores -> scores.values().stream()).anyMatch(s -> s.bytesPerOp() != null)) {
      out.println();
      out.println("Allocation in bytes per operation (-prof gc, gc.alloc.rate.norm)");
      printAllocation(section, out);
    }
  }

  private static void printThroughput(Section section, PrintStream out) {
    List<String> header = new ArrayList<>(List.of("op", "threads"));
    header.addAll(section.columns);
    Table table = new Table(header);
    section.rows.forEach((key, scores) -> {
      List<String> cells = new ArrayList<>(List.of(key.operation(), Integer.toString(key.threads())));
      for (String column : section.columns) {
        Score score = scores.get(column);
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

  private static void printRatios(Section section, PrintStream out) {
    List<String> header = new ArrayList<>(List.of("op", "threads"));
    section.ratios.forEach(ratio -> header.add(ratio.label()));
    Table table = new Table(header);
    section.rows.forEach((key, scores) -> {
      List<String> cells = new ArrayList<>(List.of(key.operation(), Integer.toString(key.threads())));
      for (Ratio ratio : section.ratios) {
        Double value = ratio(scores, ratio);
        cells.add(value == null ? "-" : ratio.format(value));
      }
      table.add(cells);
    });
    table.print(out);
  }

  private static void printTargets(Section section, PrintStream out) {
    for (Ratio ratio : section.ratios) {
      for (Target target : ratio.targets()) {
        printTarget(section, ratio, target, out);
      }
    }
  }

  private static void printTarget(Section section, Ratio ratio, Target target, PrintStream out) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %s%s >= %s:",
        target.scope().isEmpty() ? "" : target.scope() + ": ", ratio.label(), target.text()));
    boolean allMet = true;
    boolean any = false;
    for (var row : section.rows.entrySet()) {
      Double value = ratio(row.getValue(), ratio);
      if (!target.appliesTo(row.getKey()) || value == null) {
        continue;
      }
      any = true;
      boolean met = value >= target.least();
      allMet &= met;
      line.append(String.format(Locale.ROOT, "  %d thread%s %s %s;", row.getKey().threads(),
          row.getKey().threads() == 1 ? "" : "s", ratio.format(value), met ? "met" : "NOT met"));
    }
    line.append(any ? (allMet ? "  => MET" : "  => NOT MET")
        : target.scope().isEmpty() ? "  no get rows with both candidates"
        : "  no rows (" + target.scope() + ") with both candidates");
    out.println(line);
  }

  private static void printAllocation(Section section, PrintStream out) {
    List<String> header = new ArrayList<>(List.of("op", "threads"));
    header.addAll(section.columns);
    Table table = new Table(header);
    section.rows.forEach((key, scores) -> {
      List<String> cells = new ArrayList<>(List.of(key.operation(), Integer.toString(key.threads())));
      for (String column : section.columns) {
        Score score = scores.get(column);
        cells.add(score == null || score.bytesPerOp() == null ? "-"
            : String.format(Locale.ROOT, "%.1f", score.bytesPerOp()));
      }
      table.add(cells);
    });
    table.print(out);
  }

  static Double ratio(Map<String, Score> scores, Ratio ratio) {
    Score numerator = scores.get(ratio.numerator());
    Score denominator = scores.get(ratio.denominator());
    if (numerator == null || denominator == null || denominator.opsPerSecond() == 0) {
      return null;
    }
    return numerator.opsPerSecond() / denominator.opsPerSecond();
  }

  /** A plain-text table: the first two columns left-aligned, the rest right-aligned. */
  static final class Table {
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
