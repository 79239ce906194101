package dev.lexigram.cache.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The near cache: hot-key get (100% hits) on lexigram-cache's Redis backend with its near cache
 * ({@code near_cache: }{@value #NEAR_CACHE}, candidate {@code lexigram-near}) beside the same
 * backend without one ({@code lexigram}), plain Lettuce sync {@code GET} ({@code lettuce-raw}),
 * Redisson's JCache provider ({@code redisson-jcache}) and lexigram's own memory backend by value
 * ({@code lexigram-memory}, no server: the reference of the target near >= 0.5x memory). The
 * Redis candidates run against a local {@code redis-server} that each trial starts itself and stops
 * in its tear-down, as in {@link RedisBenchmark}.
 *
 * <p>The hot set is {@value #HOT_KEYS} String keys with {@value RemoteWorkload#VALUE_SIZE}-byte
 * values ({@link RemoteWorkload}'s keys and value size), preloaded and checked through the
 * candidate, so a get always hits and, on the near cache, reads a local copy once the check has
 * read every key. Each thread walks the keys from its own random starting point ({@link
 * NearCursor}). The get runs at 1, 8 and 64 threads (one method each); {@code mix_8threads} is a
 * write-heavy mix at 8 threads, every other operation a put of the key's value and the others
 * gets, on the same keys: every put invalidates the key in every near cache that holds it, so this
 * row shows what the near cache costs where it cannot help.
 *
 * <p>lexigram's JCache candidates open their manager on a YAML file the trial writes (one backend,
 * {@code serializer: java} as in {@link RedisBenchmark}) and create the cache {@code bench} by value
 * ({@link RemoteJCacheCandidate}); the trial fails unless it landed on that backend. On Redis, the
 * set-up then reads every key {@value #CHECK_LAPS} times more and counts the commands the server
 * processed meanwhile ({@link RedisInfo}): {@code lexigram-near} fails unless at least 90% of those
 * reads were answered without Redis, {@code lexigram} unless at least half of them reached it, so
 * neither row can measure the other's configuration. {@code RatioReport} prints the table and the
 * ratios.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class NearCacheBenchmark {

  /** The keys every thread reads: a hot set small enough for any near cache. */
  static final int HOT_KEYS = 100;
  /** The near cache of {@code lexigram-near}, and of {@link NearLagProbe}. */
  static final String NEAR_CACHE = "{ max_size: 10000, max_ttl: 30s }";
  /** How many times the set-up reads every key while it counts the server's commands. */
  static final int CHECK_LAPS = 10;
  /** lexigram's backend names in the configuration files the trials write. */
  static final String REDIS_BACKEND = "redis";
  static final String MEMORY_BACKEND = "memory";

  @Param({"lexigram-near", "lexigram", "lettuce-raw", "redisson-jcache", "lexigram-memory"})
  public String candidate;

  private RemoteWorkload workload;
  private RemoteTrial trial;
  private RemoteCandidate cache;

  @Setup(Level.Trial)
  public void setUp() {
    workload = new RemoteWorkload(HOT_KEYS);
    Function<Path, LocalServer> server = candidate.equals("lexigram-memory") ? dir -> null : LocalServer::redis;
    trial = RemoteTrial.start("lexigram-bench-near", server, this::open, candidate, workload);
    try {
      checkWhereReadsGo();
    } catch (RuntimeException | Error e) {
      tearDown();
      throw e;
    }
    cache = trial.candidate();
    System.gc(); // a settled heap, as in MemoryGetPutBenchmark#setUp: the near and memory rows run at memory speed
  }

  private RemoteCandidate open(RemoteTrial trial) {
    switch (candidate) {
      case "lexigram-near":
        return lexigram(trial, redisBackend(trial, "      near_cache: " + NEAR_CACHE), REDIS_BACKEND);
      case "lexigram":
        return lexigram(trial, redisBackend(trial, null), REDIS_BACKEND);
      case "lexigram-memory":
        return lexigram(trial, String.join("\n",
            "    - name: " + MEMORY_BACKEND,
            "      type: memory",
            "      default: true"), MEMORY_BACKEND);
      case "lettuce-raw":
        return new LettuceCandidate(url(trial));
      case "redisson-jcache": {
        URI config = trial.writeFile("redisson-jcache.yaml", String.join("\n",
            "singleServerConfig:",
            "  address: \"" + url(trial) + "\"",
            ""));
        return RemoteJCacheCandidate.open(candidate, RemoteJCacheCandidate.REDISSON, config, null);
      }
      default:
        throw new IllegalArgumentException("Unknown candidate '" + candidate
            + "'; use one of lexigram-near, lexigram, lettuce-raw, redisson-jcache, lexigram-memory");
    }
  }

  private static String url(RemoteTrial trial) {
    return "redis://" + trial.server().address();
  }

  /** The lines of the Redis backend entry, with {@code extra} (a near_cache line) or without. */
  private static String redisBackend(RemoteTrial trial, String extra) {
    String lines = String.join("\n",
        "    - name: " + REDIS_BACKEND,
        "      type: redis",
        "      default: true",
        "      url: " + url(trial));
    return extra == null ? lines : lines + "\n" + extra;
  }

  private RemoteCandidate lexigram(RemoteTrial trial, String backendLines, String backend) {
    URI config = trial.writeFile("lexigram-cache.yaml", String.join("\n",
        "cache:",
        "  backends:",
        backendLines,
        "  service:",
        "    serializer: java",
        ""));
    return RemoteJCacheCandidate.open(candidate, RemoteJCacheCandidate.LEXIGRAM, config, backend);
  }

  /**
   * Reads every key {@value #CHECK_LAPS} times and fails the trial if the Redis server's command
   * count says the reads went where this candidate's configuration says they must not.
   */
  private void checkWhereReadsGo() {
    boolean near = candidate.equals("lexigram-near");
    if (!near && !candidate.equals("lexigram")) {
      return;
    }
    RemoteCandidate reads = trial.candidate();
    long before = RedisInfo.commandsProcessed(trial.server());
    for (int lap = 0; lap < CHECK_LAPS; lap++) {
      for (int i = 0; i < HOT_KEYS; i++) {
        reads.get(workload.keys[i]);
      }
    }
    long commands = RedisInfo.commandsProcessed(trial.server()) - before - 1; // less the first INFO
    int total = CHECK_LAPS * HOT_KEYS;
    if (near && commands > total / 10) {
      throw new IllegalStateException(candidate + ": " + total + " reads of preloaded keys cost Redis " + commands
          + " commands: the near cache did not answer them (is near_cache supported and on?)");
    }
    if (!near && commands < total / 2) {
      throw new IllegalStateException(candidate + ": " + total + " reads of preloaded keys cost Redis only " + commands
          + " commands: something local answered them on a backend without near_cache");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (trial != null) {
      trial.close(); // the candidate, then exactly the server this trial started (if any)
      trial = null;
      cache = null;
    }
  }

  @Benchmark
  @Threads(1)
  public byte[] get_1thread(NearCursor cursor) {
    return cache.get(workload.keys[cursor.nextKey()]);
  }

  @Benchmark
  @Threads(8)
  public byte[] get_8threads(NearCursor cursor) {
    return cache.get(workload.keys[cursor.nextKey()]);
  }

  @Benchmark
  @Threads(64)
  public byte[] get_64threads(NearCursor cursor) {
    return cache.get(workload.keys[cursor.nextKey()]);
  }

  /** Every other operation a put of the key's value (which invalidates it in near caches), the rest gets. */
  @Benchmark
  @Threads(8)
  public byte[] mix_8threads(NearCursor cursor) {
    int i = cursor.nextKey();
    if (cursor.nextIsPut()) {
      cache.put(workload.keys[i], workload.values[i]);
      return null;
    }
    return cache.get(workload.keys[i]);
  }
}
