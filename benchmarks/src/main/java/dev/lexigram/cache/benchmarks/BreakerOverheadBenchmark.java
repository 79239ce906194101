package dev.lexigram.cache.benchmarks;

import dev.lexigram.cache.backend.memory.MemoryStores;
import dev.lexigram.cache.breaker.BreakingStore;
import dev.lexigram.cache.breaker.CircuitBreaker;
import dev.lexigram.cache.config.CircuitBreakerSettings;
import dev.lexigram.cache.store.EntryReader;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import java.time.Clock;
import java.time.Duration;
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
 * What the closed circuit breaker costs a call, where nothing hides it: {@code BreakingStore} (the
 * decorator every call to a remote store goes through when {@code cache.service.circuit_breaker}
 * is on: {@code CircuitBreaker.pass()} before, {@code record()} after) around lexigram's in-process
 * memory store ({@code store=breaking}), beside the bare memory store ({@code store=bare}). On a
 * Redis get the breaker's few nanoseconds are lost in a round trip of tens of microseconds and in
 * that round trip's noise; here the difference between the two rows is the breaker's cost itself.
 *
 * <p>Both stores are {@code MemoryStores.create(null, Clock.systemUTC(), ignoring(), false)}
 * (unbounded, every entry eternal), preloaded with {@link RemoteWorkload}'s {@value
 * RemoteWorkload#KEY_COUNT} keys and {@value RemoteWorkload#VALUE_SIZE}-byte values and checked
 * through {@code get} and {@code read}; the breaker is {@code new CircuitBreaker("bench", new
 * CircuitBreakerSettings(true, 5, 1s))}, the defaults of {@code circuit_breaker: { enabled: true }}.
 * Each thread walks the shuffled keys from its own random start ({@link RemoteCursor}), so every
 * call hits. Methods, at 1 and 8 threads, average time per call of one thread in ns:
 *
 * <ul>
 *   <li>{@code get}: {@code Store.get(key)}, which returns the entry;
 *   <li>{@code read}: {@code Store.read(key, reader)}, the call {@code javax.cache.Cache.get} makes
 *       (the memory store hands an eternal entry's bare value to the reader).
 * </ul>
 *
 * <p>The parameter is {@code store}, not {@code candidate}, so that {@code -p candidate=...} for
 * {@link RedisBenchmark} in the same run leaves this class alone; {@code RatioReport} then prints
 * the difference beside a Redis get's time from that run. The tear-down fails the trial if the
 * circuit opened: every measured call must have passed a closed one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class BreakerOverheadBenchmark {

  /** The backend name the breaker would report in a refusal. */
  static final String BACKEND = "bench";

  /** Hands the reader the value itself, as the cache's get does. */
  private static final EntryReader<Object> VALUE = new EntryReader<>() {
    @Override
    public Object absent(Object key) {
      return null;
    }

    @Override
    public Object eternal(Object key, Object value) {
      return value;
    }

    @Override
    public Object entry(Object key, StoreEntry entry) {
      return entry.value();
    }
  };

  @Param({"bare", "breaking"})
  public String store;

  private RemoteWorkload workload;
  private Store target;
  private CircuitBreaker breaker;

  @Setup(Level.Trial)
  public void setUp() {
    workload = new RemoteWorkload();
    Store memory = MemoryStores.create(null, Clock.systemUTC(), StoreEvictionListener.ignoring(), false);
    switch (store) {
      case "bare":
        target = memory;
        break;
      case "breaking":
        breaker = new CircuitBreaker(BACKEND, new CircuitBreakerSettings(true, 5, Duration.ofSeconds(1)));
        target = new BreakingStore(memory, breaker);
        break;
      default:
        memory.close();
        throw new IllegalArgumentException("Unknown store '" + store + "'; use bare or breaking");
    }
    for (int i = 0; i < workload.keys.length; i++) {
      target.put(workload.keys[i], workload.values[i], StoreEntry.ETERNAL);
    }
    for (int i = 0; i < workload.keys.length; i++) {
      StoreEntry entry = target.get(workload.keys[i]);
      if (entry == null || entry.value() != workload.values[i] || target.read(workload.keys[i], VALUE) != workload.values[i]) {
        throw new IllegalStateException(store + ": key '" + workload.keys[i] + "' does not read back its value"
            + " after the preload");
      }
    }
    System.gc(); // a settled heap, as in MemoryGetPutBenchmark#setUp
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      if (breaker != null && (breaker.isOpen() || breaker.rejectedCalls() > 0)) {
        throw new IllegalStateException(store + ": the circuit breaker opened (" + breaker.rejectedCalls()
            + " calls refused): the rows did not measure the closed circuit");
      }
    } finally {
      target.close();
    }
  }

  @Benchmark
  @Threads(1)
  public StoreEntry get_1thread(RemoteCursor cursor) {
    return target.get(workload.keys[cursor.nextKey()]);
  }

  @Benchmark
  @Threads(8)
  public StoreEntry get_8threads(RemoteCursor cursor) {
    return target.get(workload.keys[cursor.nextKey()]);
  }

  @Benchmark
  @Threads(1)
  public Object read_1thread(RemoteCursor cursor) {
    return target.read(workload.keys[cursor.nextKey()], VALUE);
  }

  @Benchmark
  @Threads(8)
  public Object read_8threads(RemoteCursor cursor) {
    return target.read(workload.keys[cursor.nextKey()], VALUE);
  }
}
