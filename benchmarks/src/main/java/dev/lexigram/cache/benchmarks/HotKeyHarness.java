package dev.lexigram.cache.benchmarks;

import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.LexigramConfiguration;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.integration.CacheLoader;
import javax.cache.spi.CachingProvider;

/**
 * Hot-key reads at the expiry edge, measured through the standard JCache API only: {@value #THREADS}
 * threads of one JVM read the same single key of a read-through cache in a loop, for
 * {@value #DEFAULT_SECONDS} s after a {@value #WARMUP_SECONDS} s warm-up whose reads are not counted.
 * The entry expires {@value #TTL_SECONDS} s after it was created ({@link CreatedExpiryPolicy}) and the
 * loader takes {@value #LOAD_MILLIS} ms, so the key goes cold about once a second, with every thread
 * reading it. Prints, per candidate, the reads, the loader calls begun in the measured window, the
 * read latency (p50, p99, p99.9, max), how many reads took at least {@value #WAITED_MILLIS} ms, and
 * how many of those waited for a loader: early recomputation (lexigram's
 * {@code cache.service.protection.beta}, "xfetch") should reload the key before it expires and so
 * spare the readers that wait.
 *
 * <p>A read counts as having waited for a loader when it took at least {@value #WAITED_MILLIS} ms and
 * returned a value whose load ended after the read began (the loader writes its end time into the
 * value). With {@value #THREADS} busy threads on a small machine, the scheduler alone stalls reads
 * for tens to hundreds of milliseconds; those show in the latency and in the first count only.
 *
 * <pre>
 *   java -cp benchmarks.jar dev.lexigram.cache.benchmarks.HotKeyHarness [--seconds N] [candidate ...]
 * </pre>
 * Candidates: lexigram-memory-xfetch, lexigram-memory-noxfetch, lexigram-redis-xfetch,
 * lexigram-redis-noxfetch, lexigram-memcached-xfetch, lexigram-memcached-noxfetch, caffeine-jcache
 * (all by default). A lexigram candidate opens a manager on a YAML file of one backend with
 * {@code beta: 1} (xfetch) or {@code beta: 0} (noxfetch); Redis and memcached candidates start their
 * own server on a free loopback port. A harness, not a JMH benchmark: the quantities are counts and
 * a latency distribution.
 */
public final class HotKeyHarness {

  static final int THREADS = 8;
  static final long DEFAULT_SECONDS = 12;
  static final long WARMUP_SECONDS = 2;
  static final long TTL_SECONDS = 1;
  static final long LOAD_MILLIS = 50;
  static final long WAITED_MILLIS = 40;
  static final String KEY = "hot";
  static final String VALUE_PREFIX = "value of " + KEY + " loaded at ";
  static final List<String> ALL = List.of("lexigram-memory-xfetch", "lexigram-memory-noxfetch",
      "lexigram-redis-xfetch", "lexigram-redis-noxfetch", "lexigram-memcached-xfetch", "lexigram-memcached-noxfetch",
      "caffeine-jcache");
  private static final String ROW = "%-28s %12s %6s %9s %9s %9s %9s %7s %7s";

  private HotKeyHarness() {}

  public static void main(String[] args) throws Exception {
    long seconds = DEFAULT_SECONDS;
    List<String> candidates = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--seconds") && i + 1 < args.length) {
        seconds = Long.parseLong(args[++i]);
        if (seconds < 1) {
          throw new IllegalArgumentException("--seconds must be at least 1, not " + seconds);
        }
      } else if (ALL.contains(args[i])) {
        candidates.add(args[i]);
      } else {
        throw new IllegalArgumentException("Unknown argument '" + args[i] + "'; use [--seconds N] and some of " + ALL);
      }
    }
    if (candidates.isEmpty()) {
      candidates = ALL;
    }
    Path dir = Files.createTempDirectory("lexigram-hotkey-");
    List<String> rows = new ArrayList<>();
    boolean failed = false;
    for (String candidate : candidates) {
      System.out.println("==> " + candidate + ": " + WARMUP_SECONDS + " s warm-up, " + seconds + " s measured");
      try {
        rows.add(run(candidate, dir, seconds));
      } catch (Exception e) {
        e.printStackTrace();
        rows.add(String.format("%-28s failed: %s", candidate, e));
        failed = true;
      }
    }
    System.out.println();
    System.out.println("Hot key at the expiry edge: " + THREADS + " threads read one key of a read-through cache for "
        + seconds + " s (after a " + WARMUP_SECONDS + " s warm-up); CreatedExpiryPolicy " + TTL_SECONDS
        + " s, loader " + LOAD_MILLIS + " ms");
    System.out.println("'>=" + WAITED_MILLIS + "ms' = reads of at least " + WAITED_MILLIS + " ms; 'waited' = those"
        + " that returned a value loaded while they ran (the rest were stalled by the scheduler)");
    System.out.println(String.format(ROW, "candidate", "reads", "loads", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
        ">=" + WAITED_MILLIS + "ms", "waited"));
    rows.forEach(System.out::println);
    if (failed) {
      System.exit(1);
    }
  }

  private static String run(String candidate, Path dir, long seconds) throws Exception {
    if (candidate.equals("caffeine-jcache")) {
      CachingProvider provider = Caching.getCachingProvider(JCacheCandidate.CAFFEINE);
      return measure(candidate, provider, provider.getDefaultURI(), null, seconds);
    }
    String store = candidate.substring("lexigram-".length(), candidate.lastIndexOf('-'));
    String beta = candidate.endsWith("-noxfetch") ? "0" : "1";
    try (TrialBackend backend = TrialBackend.start(store, dir)) {
      URI config = write(dir, candidate + ".yaml", "cache:\n  backends:\n" + backend.yaml()
          + "  service:\n    protection:\n      beta: " + beta + "\n");
      return measure(candidate, Caching.getCachingProvider(JCacheCandidate.LEXIGRAM), config, backend.name(), seconds);
    }
  }

  private static URI write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toUri();
  }

  /**
   * Opens a fresh manager on {@code managerUri}, creates the hot-key cache, reads it and closes the
   * manager.
   *
   * @param backend for lexigram, the backend the cache must land on (the run fails otherwise); null
   *     for another provider
   */
  private static String measure(String candidate, CachingProvider provider, URI managerUri, String backend,
      long seconds) throws Exception {
    CacheManager manager = provider.getCacheManager(managerUri, provider.getDefaultClassLoader());
    try {
      if (backend != null) {
        String source = manager.unwrap(LexigramCacheManager.class).configurationSource();
        if (!source.contains(managerUri.getPath())) {
          throw new IllegalStateException(candidate + ": the manager read its configuration from " + source
              + ", not from " + managerUri);
        }
      }
      Cache<String, String> cache = manager.createCache("hotkey", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class)
          .setStatisticsEnabled(false)
          .setManagementEnabled(false)
          .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, TTL_SECONDS)))
          .setReadThrough(true)
          .setCacheLoaderFactory(FactoryBuilder.factoryOf(SlowLoader.class)));
      if (backend != null) {
        @SuppressWarnings("unchecked")
        LexigramConfiguration<String, String> lexigram = cache.getConfiguration(LexigramConfiguration.class);
        if (!backend.equals(lexigram.getBackend())) {
          throw new IllegalStateException(candidate + ": the cache landed on backend '" + lexigram.getBackend()
              + "', not on '" + backend + "'");
        }
      }
      return readHotKey(candidate, cache, seconds);
    } finally {
      manager.close();
    }
  }

  private static String readHotKey(String candidate, Cache<String, String> cache, long seconds) throws Exception {
    SlowLoader.CALLS.clear();
    long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    long slowMicros = TimeUnit.MILLISECONDS.toMicros(WAITED_MILLIS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Reads>> readers = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        readers.add(pool.submit(() -> {
          Latencies latencies = new Latencies();
          long waited = 0;
          for (long begin = System.nanoTime(); begin < end; begin = System.nanoTime()) {
            String value = cache.get(KEY);
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - begin);
            if (value == null || !value.startsWith(VALUE_PREFIX)) {
              throw new IllegalStateException("read " + value + " for " + KEY);
            }
            if (begin >= measureFrom) {
              latencies.record(micros);
              if (micros >= slowMicros && Long.parseLong(value.substring(VALUE_PREFIX.length())) > begin) {
                waited++;
              }
            }
          }
          return new Reads(latencies, waited);
        }));
      }
      Latencies all = new Latencies();
      long waited = 0;
      for (Future<Reads> reader : readers) {
        Reads reads = reader.get(seconds + WARMUP_SECONDS + 120, TimeUnit.SECONDS);
        all.add(reads.latencies());
        waited += reads.waited();
      }
      long loads = SlowLoader.CALLS.stream().filter(at -> at >= measureFrom && at < end).count();
      return String.format(ROW, candidate, all.count(), loads, millis(all.percentile(0.50)),
          millis(all.percentile(0.99)), millis(all.percentile(0.999)), millis(all.max()), all.countAtLeast(slowMicros),
          waited);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One reader thread's measured reads: their latencies, and how many waited for a loader. */
  private record Reads(Latencies latencies, long waited) {}

  private static String millis(long micros) {
    return String.format("%.3f", micros / 1000.0);
  }

  /**
   * A loader that takes its time, as a database query does, notes when each call began, and
   * returns a value that says when it ended ({@link System#nanoTime}).
   */
  public static final class SlowLoader implements CacheLoader<String, String> {
    static final Queue<Long> CALLS = new ConcurrentLinkedQueue<>();

    @Override
    public String load(String key) {
      CALLS.add(System.nanoTime());
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS));
      return "value of " + key + " loaded at " + System.nanoTime();
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      throw new UnsupportedOperationException("the harness reads one key at a time");
    }
  }

  /**
   * Read latencies in whole microseconds, one thread's or merged: an exact count per microsecond
   * below one second and every longer latency kept, so percentiles are exact without keeping the
   * tens of millions of reads a run makes.
   */
  static final class Latencies {
    private static final int EXACT_MICROS = 1_000_000;

    private final long[] counts = new long[EXACT_MICROS];
    private long[] slow = new long[16];
    private int slowCount;
    private long count;

    void record(long micros) {
      count++;
      if (micros < EXACT_MICROS) {
        counts[(int) micros]++;
      } else {
        if (slowCount == slow.length) {
          slow = Arrays.copyOf(slow, slowCount * 2);
        }
        slow[slowCount++] = micros;
      }
    }

    void add(Latencies other) {
      for (int i = 0; i < EXACT_MICROS; i++) {
        counts[i] += other.counts[i];
      }
      for (int i = 0; i < other.slowCount; i++) {
        record(other.slow[i]);
      }
      count += other.count - other.slowCount;
    }

    long count() {
      return count;
    }

    /** The nearest-rank percentile {@code p} (0 to 1) in microseconds; 0 when nothing was recorded. */
    long percentile(double p) {
      long rank = Math.max(1, (long) Math.ceil(p * count));
      long seen = 0;
      for (int i = 0; i < EXACT_MICROS; i++) {
        seen += counts[i];
        if (seen >= rank) {
          return i;
        }
      }
      if (slowCount == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(slow, slowCount);
      Arrays.sort(sorted);
      return sorted[(int) Math.min(rank - seen, slowCount) - 1];
    }

    long max() {
      return percentile(1.0);
    }

    long countAtLeast(long micros) {
      long below = 0;
      for (int i = 0; i < Math.min(micros, EXACT_MICROS); i++) {
        below += counts[i];
      }
      for (int i = 0; i < slowCount; i++) {
        below += slow[i] < micros ? 1 : 0;
      }
      return count - below;
    }
  }
}
