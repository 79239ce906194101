package dev.lexigram.cache.benchmarks;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
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
 * get (100% hits), put and getAll(10) against a local {@code redis-server} that each trial starts
 * itself ({@code --port <free> --bind 127.0.0.1 --save "" --appendonly no}) and stops in its
 * tear-down: lexigram-cache's Redis backend through {@code javax.cache.Cache}, beside plain
 * Lettuce sync commands and Redisson's JCache provider.
 *
 * <p>{@code lexigram-breaker} (not a default candidate: pick it with {@code -p candidate=...}, as
 * {@code benchmarks/run-rounds breaker} does) is the same lexigram backend with {@code service.}
 * {@value #CIRCUIT_BREAKER}, so its rows beside {@code lexigram}'s measure what the closed circuit
 * breaker costs a call. Its tear-down stops the server and checks that the breaker opens (a get
 * fails at once naming the open circuit breaker), so a breaker that was not on fails the trial.
 *
 * <p>Every trial preloads {@value RemoteWorkload#KEY_COUNT} String keys with {@value
 * RemoteWorkload#VALUE_SIZE}-byte values through the candidate itself and checks that every key
 * and every getAll group reads back its values. Each thread walks the shuffled keys (and groups of
 * {@value RemoteWorkload#BATCH} of them) from its own random starting point. Each op runs at 1, 8
 * and 64 threads (one method each, so one JMH run gives every row); {@code RatioReport} prints the
 * table and the ratios.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class RedisBenchmark {

  /** lexigram's backend name in the configuration file the trial writes. */
  static final String BACKEND = "redis";
  /** The service section's line of {@code lexigram-breaker}: the defaults, threshold 5, reset_after 1s. */
  static final String CIRCUIT_BREAKER = "circuit_breaker: { enabled: true }";
  /** What a call the open circuit refuses says (see {@code CircuitBreaker#rejection}). */
  private static final String REFUSAL = "circuit breaker is open";
  /** Gets after the server stopped within which {@code lexigram-breaker}'s breaker must open (threshold 5). */
  private static final int OPENING_CALLS = 50;
  /**
   * Lettuce's reconnect attempts, which log a warning each (through java.util.logging) once that
   * check has stopped the server; held here, as a logger's level lasts only as long as the logger.
   */
  private static final Logger RECONNECTS = Logger.getLogger("io.lettuce.core.protocol.ConnectionWatchdog");

  /** Also {@code lexigram-breaker}, on request (see the class comment). */
  @Param({"lexigram", "lettuce-raw", "redisson-jcache"})
  public String candidate;

  private RemoteWorkload workload;
  private RemoteTrial trial;
  private RemoteCandidate cache;

  @Setup(Level.Trial)
  public void setUp() {
    workload = new RemoteWorkload();
    trial = RemoteTrial.start("lexigram-bench-redis", LocalServer::redis, this::open, candidate, workload);
    cache = trial.candidate();
  }

  private RemoteCandidate open(RemoteTrial trial) {
    String url = "redis://" + trial.server().address();
    switch (candidate) {
      case "lexigram":
      case "lexigram-breaker": {
        URI config = trial.writeFile("lexigram-cache.yaml", String.join("\n",
            "cache:",
            "  backends:",
            "    - name: " + BACKEND,
            "      type: redis",
            "      default: true",
            "      url: " + url,
            "  service:",
            "    serializer: java",
            candidate.equals("lexigram-breaker") ? "    " + CIRCUIT_BREAKER + "\n" : ""));
        return RemoteJCacheCandidate.open(candidate, RemoteJCacheCandidate.LEXIGRAM, config, BACKEND);
      }
      case "lettuce-raw":
        return new LettuceCandidate(url);
      case "redisson-jcache": {
        URI config = trial.writeFile("redisson-jcache.yaml", String.join("\n",
            "singleServerConfig:",
            "  address: \"" + url + "\"",
            ""));
        return RemoteJCacheCandidate.open(candidate, RemoteJCacheCandidate.REDISSON, config, null);
      }
      default:
        throw new IllegalArgumentException("Unknown candidate '" + candidate
            + "'; use one of lexigram, lettuce-raw, redisson-jcache, lexigram-breaker");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (trial != null) {
      try {
        if (candidate.equals("lexigram-breaker")) {
          checkBreakerOpens();
        }
      } finally {
        trial.close(); // the candidate, then exactly the server this trial started
        trial = null;
        cache = null;
      }
    }
  }

  /**
   * Stops the server (exactly this trial's, as {@link RemoteTrial#close} would) and reads until a
   * get fails naming the open circuit breaker: the threshold's connection failures must open it
   * within {@value #OPENING_CALLS} gets, or the measured rows were not the breaker's.
   */
  private void checkBreakerOpens() {
    RECONNECTS.setLevel(java.util.logging.Level.OFF); // the fork ends with this trial
    trial.server().stop();
    String last = "none";
    for (int i = 0; i < OPENING_CALLS; i++) {
      try {
        cache.get(workload.keys[i]);
        last = "a value";
      } catch (RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (String.valueOf(cause.getMessage()).contains(REFUSAL)) {
            return;
          }
        }
        last = e.toString();
      }
    }
    throw new IllegalStateException(candidate + ": " + OPENING_CALLS + " gets after the server stopped, and none was"
        + " refused by an open circuit breaker (last outcome: " + last + "): was " + CIRCUIT_BREAKER + " applied?");
  }

  @Benchmark
  @Threads(1)
  public byte[] get_1thread(RemoteCursor cursor) {
    return cache.get(workload.keys[cursor.nextKey()]);
  }

  @Benchmark
  @Threads(8)
  public byte[] get_8threads(RemoteCursor cursor) {
    return cache.get(workload.keys[cursor.nextKey()]);
  }

  @Benchmark
  @Threads(64)
  public byte[] get_64threads(RemoteCursor cursor) {
    return cache.get(workload.keys[cursor.nextKey()]);
  }

  @Benchmark
  @Threads(1)
  public void put_1thread(RemoteCursor cursor) {
    int i = cursor.nextKey();
    cache.put(workload.keys[i], workload.values[i]);
  }

  @Benchmark
  @Threads(8)
  public void put_8threads(RemoteCursor cursor) {
    int i = cursor.nextKey();
    cache.put(workload.keys[i], workload.values[i]);
  }

  @Benchmark
  @Threads(64)
  public void put_64threads(RemoteCursor cursor) {
    int i = cursor.nextKey();
    cache.put(workload.keys[i], workload.values[i]);
  }

  @Benchmark
  @Threads(1)
  public Map<String, byte[]> getAll_1thread(RemoteCursor cursor) {
    return cache.getAll(workload.groups[cursor.nextGroup()]);
  }

  @Benchmark
  @Threads(8)
  public Map<String, byte[]> getAll_8threads(RemoteCursor cursor) {
    return cache.getAll(workload.groups[cursor.nextGroup()]);
  }

  @Benchmark
  @Threads(64)
  public Map<String, byte[]> getAll_64threads(RemoteCursor cursor) {
    return cache.getAll(workload.groups[cursor.nextGroup()]);
  }
}
