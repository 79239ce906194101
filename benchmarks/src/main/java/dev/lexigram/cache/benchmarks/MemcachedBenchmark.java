package dev.lexigram.cache.benchmarks;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * <p>Every trial preloads {@value RemoteWorkload#KEY_COUNT} String keys with {@value
 * RemoteWorkload#VALUE_SIZE}-byte values through the candidate itself and checks that every key
 * and every getAll group reads back its values. Each thread walks the shuffled keys (and groups of
 * {@value RemoteWorkload#BATCH} of them) from its own random starting point. Each op runs at 1, 8
 * and 64 threads (one method each, so one JMH run gives every row); {@code RatioReport} prints the
 * table and the ratios.
 */
/**
 * get (100% hits), put and getAll(10) against a local {@code memcached} that each trial starts
 * itself ({@code -o modern -l 127.0.0.1 -p <free> -U 0}, plus {@code -u root} as root) and stops in
 * its tear-down: lexigram-cache's memcached backend through {@code javax.cache.Cache}, beside a
 * plain spymemcached {@code MemcachedClient} on the binary protocol.
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
// spymemcached logs to stderr unless told otherwise: through SLF4J, which has no provider here, so quiet
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dnet.spy.log.LoggerImpl=net.spy.memcached.compat.log.SLF4JLogger"})
@State(Scope.Benchmark)
public class MemcachedBenchmark {

  /** lexigram's backend name in the configuration file the trial writes. */
  static final String BACKEND = "memcached";

  @Param({"lexigram", "spymemcached-raw"})
  public String candidate;

  private RemoteWorkload workload;
  private RemoteTrial trial;
  private RemoteCandidate cache;

  @Setup(Level.Trial)
  public void setUp() {
    workload = new RemoteWorkload();
    trial = RemoteTrial.start("lexigram-bench-memcached", LocalServer::memcached, this::open, candidate, workload);
    cache = trial.candidate();
  }

  private RemoteCandidate open(RemoteTrial trial) {
    switch (candidate) {
      case "lexigram": {
        URI config = trial.writeFile("lexigram-cache.yaml", String.join("\n",
            "cache:",
            "  backends:",
            "    - name: " + BACKEND,
            "      type: memcached",
            "      default: true",
            "      servers: [\"" + trial.server().address() + "\"]",
            "  service:",
            "    serializer: java",
            ""));
        return RemoteJCacheCandidate.open(candidate, RemoteJCacheCandidate.LEXIGRAM, config, BACKEND);
      }
      case "spymemcached-raw":
        return new SpymemcachedCandidate("127.0.0.1", trial.server().port());
      default:
        throw new IllegalArgumentException("Unknown candidate '" + candidate + "'; use one of lexigram, spymemcached-raw");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (trial != null) {
      trial.close(); // the candidate, then exactly the server this trial started
      trial = null;
      cache = null;
    }
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
