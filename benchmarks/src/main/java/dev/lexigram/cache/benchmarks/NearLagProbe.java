package dev.lexigram.cache.benchmarks;

import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.LexigramConfiguration;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.spi.CachingProvider;

/**
 * The near cache's invalidation lag across two JVMs: how long after a put returns in one JVM
 * another JVM's near cache stops answering with the old value. The probe starts its own
 * {@code redis-server} ({@link LocalServer}) and a reader JVM ({@link NearLagReader}, through
 * {@link LagReaderProcess}) that opens lexigram on the same configuration file (one Redis backend,
 * {@code near_cache: }{@value NearCacheBenchmark#NEAR_CACHE}) and reads one key through {@code
 * javax.cache.Cache} in a loop, so that its near cache holds the key. This JVM, the writer, puts
 * the key's new value through its own lexigram manager on the same file every {@code --interval-ms}
 * (5 ms): the values are sequence numbers {@code 1, 2, 3 ...}, and the reader reports the first
 * time it reads each new one.
 *
 * <p>The lag of write {@code n} is the reader's wall clock when it first read {@code n} or a later
 * value, less the writer's wall clock when the put of {@code n} returned: both {@link #wallMicros}
 * ({@code Instant.now()} in microseconds; the two JVMs share the machine's clock). It is the
 * invalidation push, the reader's next read going to Redis, and the reader's pause between reads
 * ({@code --pause-us}, 50 µs by default, a park that Linux rounds up to about 60-100 µs; 0 for a
 * busy loop). A lag can be slightly negative: the reader may read the value before the writer's
 * client has handled the reply to its put. {@code --warmup} writes (100) run first and are not
 * counted. The probe reports the lag's min, p50, p90, p99 and max over {@code --writes} (1,000)
 * writes, and the Redis commands processed during them beside the reader's reads: with the near
 * cache answering, far fewer commands than reads (the probe fails otherwise); {@code --no-near}
 * runs the same probe on a backend without the near cache (every read a Redis GET), the reference.
 * A write the reader never sees (within {@value #SETTLE_SECONDS} s of the last one, longer than the
 * near cache's max_ttl) fails the probe.
 *
 * <pre>
 *   java -cp benchmarks.jar dev.lexigram.cache.benchmarks.NearLagProbe [--writes N] [--warmup N]
 *       [--interval-ms N] [--pause-us N] [--no-near]
 * </pre>
 */
public final class NearLagProbe {

  static final String KEY = "lag-key";
  static final String CACHE_NAME = "lag";
  static final String BACKEND = "redis";
  static final long SETTLE_SECONDS = 40;

  private NearLagProbe() {}

  /** The wall clock in microseconds since the epoch: comparable between JVMs of one machine. */
  static long wallMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /**
   * Opens a lexigram manager on the configuration file and creates the probe's cache: typed
   * {@code String}/{@code String}, by value, statistics and management off, eternal expiry; fails
   * unless the file was read and the cache landed on {@value #BACKEND}. Both JVMs open it so.
   */
  static Cache<String, String> openCache(URI config) {
    CachingProvider provider = Caching.getCachingProvider(JCacheCandidate.LEXIGRAM);
    CacheManager manager = provider.getCacheManager(config, provider.getDefaultClassLoader());
    try {
      String source = manager.unwrap(LexigramCacheManager.class).configurationSource();
      if (!source.contains(config.getPath())) {
        throw new IllegalStateException("the manager read its configuration from " + source + ", not from " + config);
      }
      Cache<String, String> cache = manager.createCache(CACHE_NAME, new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class)
          .setStoreByValue(true)
          .setStatisticsEnabled(false)
          .setManagementEnabled(false)
          .setExpiryPolicyFactory(EternalExpiryPolicy.factoryOf()));
      @SuppressWarnings("unchecked")
      LexigramConfiguration<String, String> actual = cache.getConfiguration(LexigramConfiguration.class);
      if (!BACKEND.equals(actual.getBackend())) {
        throw new IllegalStateException("cache '" + CACHE_NAME + "' landed on backend '" + actual.getBackend()
            + "', not on '" + BACKEND + "'");
      }
      return cache;
    } catch (RuntimeException | Error e) {
      manager.close();
      throw e;
    }
  }

  /** The command line. */
  record Options(int writes, int warmup, long intervalMillis, long pauseMicros, boolean near) {
    static Options parse(String[] args) {
      int writes = 1_000;
      int warmup = 100;
      long interval = 5;
      long pause = 50;
      boolean near = true;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--no-near")) {
          near = false;
          continue;
        }
        if (i + 1 == args.length) {
          throw new IllegalArgumentException("Unknown argument '" + arg + "'; use [--writes N] [--warmup N] "
              + "[--interval-ms N] [--pause-us N] [--no-near]");
        }
        long value = Long.parseLong(args[++i]);
        switch (arg) {
          case "--writes" -> writes = Math.toIntExact(value);
          case "--warmup" -> warmup = Math.toIntExact(value);
          case "--interval-ms" -> interval = value;
          case "--pause-us" -> pause = value;
          default -> throw new IllegalArgumentException("Unknown option '" + arg + "'; use [--writes N] "
              + "[--warmup N] [--interval-ms N] [--pause-us N] [--no-near]");
        }
      }
      if (writes < 1 || warmup < 0 || interval < 1 || pause < 0) {
        throw new IllegalArgumentException("--writes and --interval-ms take a positive number, --warmup and "
            + "--pause-us zero or more");
      }
      return new Options(writes, warmup, interval, pause, near);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path dir = Files.createTempDirectory("lexigram-near-lag-");
    boolean passed;
    try (LocalServer server = LocalServer.redis(dir)) {
      passed = run(options, server, writeConfig(dir, server, options.near()), dir);
    } finally {
      deleteDir(dir);
    }
    if (!passed) {
      System.exit(1);
    }
  }

  private static URI writeConfig(Path dir, LocalServer server, boolean near) throws IOException {
    Path file = dir.resolve("lexigram-cache.yaml");
    Files.writeString(file, String.join("\n",
        "cache:",
        "  backends:",
        "    - name: " + BACKEND,
        "      type: redis",
        "      default: true",
        "      url: redis://" + server.address(),
        near ? "      near_cache: " + NearCacheBenchmark.NEAR_CACHE : "",
        "  service:",
        "    serializer: java",
        ""), StandardCharsets.UTF_8);
    return file.toUri();
  }

  private static boolean run(Options options, LocalServer server, URI config, Path dir) throws Exception {
    Cache<String, String> cache = openCache(config);
    try {
      cache.put(KEY, "0");
      try (LagReaderProcess reader = LagReaderProcess.start(config, options.pauseMicros(), dir)) {
        if (!reader.awaitSeen(0, 30_000)) {
          throw new IllegalStateException("the reader did not read the first value within 30 s");
        }
        write(cache, 1, options.warmup(), options.intervalMillis());
        if (!reader.awaitSeen(options.warmup(), SETTLE_SECONDS * 1_000)) {
          throw new IllegalStateException("the reader did not see the last warm-up write within " + SETTLE_SECONDS + " s");
        }
        long readsBefore = reader.reads();
        long commandsBefore = RedisInfo.commandsProcessed(server);
        long first = options.warmup() + 1L;
        long started = System.nanoTime();
        Writes writes = write(cache, first, options.writes(), options.intervalMillis());
        long elapsed = System.nanoTime() - started;
        long commands = RedisInfo.commandsProcessed(server) - commandsBefore - 1; // less the first INFO
        long reads = reader.reads() - readsBefore;
        long last = first + options.writes() - 1;
        boolean allSeen = reader.awaitSeen(last, SETTLE_SECONDS * 1_000);
        return report(options, writes, reader.seen(), first, reads, commands, elapsed, allSeen);
      }
    } finally {
      cache.getCacheManager().close();
    }
  }

  /** When each put returned (wall clock, µs) and how long it took (ns). */
  private record Writes(long[] returnedMicros, long[] putNanos) {}

  /** Puts {@code count} sequence numbers from {@code first} on, one every {@code intervalMillis}. */
  private static Writes write(Cache<String, String> cache, long first, int count, long intervalMillis) {
    long[] returned = new long[count];
    long[] took = new long[count];
    long interval = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    long next = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long begin = System.nanoTime();
      cache.put(KEY, Long.toString(first + i));
      returned[i] = wallMicros();
      took[i] = System.nanoTime() - begin;
      next += interval;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      } else {
        next = System.nanoTime(); // late: no burst to catch up
      }
    }
    return new Writes(returned, took);
  }

  private static boolean report(Options options, Writes writes, NavigableMap<Long, Long> seen, long first, long reads,
      long commands, long elapsedNanos, boolean allSeen) {
    long[] lags = new long[options.writes()];
    int seenCount = 0;
    for (int i = 0; i < options.writes(); i++) {
      Map.Entry<Long, Long> firstSeen = seen.ceilingEntry(first + i);
      if (firstSeen != null) {
        lags[seenCount++] = firstSeen.getValue() - writes.returnedMicros()[i];
      }
    }
    long[] sorted = Arrays.copyOf(lags, seenCount);
    Arrays.sort(sorted);
    long[] puts = writes.putNanos().clone();
    Arrays.sort(puts);
    double seconds = elapsedNanos / 1e9;
    boolean nearAnswered = commands < reads / 2;

    System.out.println();
    System.out.printf(Locale.ROOT, "Near-cache invalidation lag: one writer JVM puts a new value of one key every %d ms "
            + "(%,d writes measured after %,d warm-up), one reader JVM reads it through javax.cache.Cache %s%n",
        options.intervalMillis(), options.writes(), options.warmup(),
        options.pauseMicros() == 0 ? "in a busy loop" : "with a " + options.pauseMicros() + " us park between reads");
    System.out.println("backend: redis, " + (options.near() ? "near_cache: " + NearCacheBenchmark.NEAR_CACHE
        : "no near cache (--no-near: every read a Redis read)"));
    System.out.println("lag = reader's wall clock when it first read the write's value (or a later one) - writer's"
        + " wall clock when the put returned (Instant.now(), microseconds)");
    System.out.printf(Locale.ROOT, "%-10s %8s %9s %9s %9s %9s %9s %11s%n", "writes", "seen", "min ms", "p50 ms",
        "p90 ms", "p99 ms", "max ms", "put p50 ms");
    System.out.printf(Locale.ROOT, "%-10s %8s %9s %9s %9s %9s %9s %11.3f%n", String.format(Locale.ROOT, "%,d",
            options.writes()), String.format(Locale.ROOT, "%,d", seenCount), millis(sorted, 0), millis(sorted, 0.50),
        millis(sorted, 0.90), millis(sorted, 0.99), millis(sorted, 1.0), puts[(puts.length - 1) / 2] / 1e6);
    System.out.printf(Locale.ROOT, "during the writes (%.1f s): the reader read %,d times (%,.0f/s); Redis processed"
            + " %,d commands (writer and reader together, %.3f per reader read)%n",
        seconds, reads, reads / seconds, commands, reads == 0 ? Double.NaN : (double) commands / reads);
    boolean passed = true;
    if (!allSeen || seenCount < options.writes()) {
      System.out.printf(Locale.ROOT, "FAILED: the reader never saw %,d of the writes (nor a later one) within %d s of "
          + "the last%n", options.writes() - seenCount, SETTLE_SECONDS);
      passed = false;
    }
    if (options.near() && !nearAnswered) {
      System.out.println("FAILED: Redis processed at least one command for every two reader reads: the near cache did"
          + " not answer the reads (is near_cache supported and on?)");
      passed = false;
    }
    return passed;
  }

  /** The nearest-rank percentile {@code p} (0 = the least) of sorted microseconds, in ms; "-" if empty. */
  private static String millis(long[] sorted, double p) {
    if (sorted.length == 0) {
      return "-";
    }
    int index = p == 0 ? 0 : (int) Math.ceil(p * sorted.length) - 1;
    return String.format(Locale.ROOT, "%.3f", sorted[Math.max(0, index)] / 1000.0);
  }

  private static void deleteDir(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
