package dev.lexigram.cache.benchmarks;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.WriteOptions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
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
 * The time of {@code manager.unwrap(LexigramCacheManager.class).invalidateTags("t")} when {@code
 * entries} entries carry the tag (10 or 100,000), on lexigram-cache's memory, Redis and memcached
 * backends: the call writes one new version per tag and enumerates nothing, so its time must not
 * grow with the entries ({@code RatioReport} prints the time at 100,000 entries over the time at
 * 10 for each backend).
 *
 * <p>Each trial opens its backend as {@link TagGetBenchmark} does ({@link TagGetBenchmark.TagTrial}:
 * the built-in memory default, or a server of its own on a free loopback port with a YAML file
 * naming only that backend), then writes the entries {@code tag-entry:N} with {@value
 * #VALUE_SIZE}-byte values through {@code LexigramCache.putMany(map, WriteOptions.tagged("t"))},
 * {@value #BATCH} entries a call, checks that they read back, and runs a full collection. Every
 * measured call gives the tag a new version, so after the first one the entries read as absent;
 * the tear-down invalidates the tag once more and checks that they do (a trial whose entries did
 * not carry the tag, or whose invalidation did not reach them, fails). Average time per call, one
 * thread, in microseconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// spymemcached logs to stderr unless told otherwise: through SLF4J, which has no provider here, so quiet
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dnet.spy.log.LoggerImpl=net.spy.memcached.compat.log.SLF4JLogger"})
@State(Scope.Benchmark)
public class TagInvalidateBenchmark {

  static final String TAG = "t";
  static final int VALUE_SIZE = 100;
  /** Entries per {@code putMany} call of the preload. */
  static final int BATCH = 1_000;
  /** Every how many entries the checks read one (all of them for 10 entries). */
  static final int CHECK_STRIDE = 100;
  private static final long SEED = 0x5EED_CAFEL;

  @Param({"memory", "redis", "memcached"})
  public String backend;

  @Param({"10", "100000"})
  public int entries;

  private TagGetBenchmark.TagTrial trial;
  private LexigramCacheManager manager;
  private String[] keys;
  private byte[][] values;

  @Setup(Level.Trial)
  public void setUp() {
    if (entries <= 0) {
      throw new IllegalArgumentException("entries must be positive, not " + entries);
    }
    Random random = new Random(SEED);
    keys = new String[entries];
    values = new byte[entries][];
    for (int i = 0; i < entries; i++) {
      keys[i] = "tag-entry:" + i;
      values[i] = new byte[VALUE_SIZE];
      random.nextBytes(values[i]);
    }
    trial = TagGetBenchmark.TagTrial.open(backend);
    try {
      manager = trial.manager();
      preload();
      checkEntries(true);
      System.gc(); // a settled heap, as in MemoryGetPutBenchmark#setUp
    } catch (RuntimeException | Error e) {
      trial.close(); // no check: nothing was measured
      trial = null;
      manager = null;
      throw e;
    }
  }

  /** Writes every entry carrying the tag, {@value #BATCH} a call. */
  private void preload() {
    @SuppressWarnings("unchecked")
    LexigramCache<String, byte[]> extension = trial.cache().unwrap(LexigramCache.class);
    WriteOptions options = WriteOptions.tagged(TAG);
    Map<String, byte[]> batch = new HashMap<>();
    for (int i = 0; i < entries; i++) {
      batch.put(keys[i], values[i]);
      if (batch.size() == BATCH || i == entries - 1) {
        extension.putMany(batch, options).unwrap();
        batch.clear();
      }
    }
  }

  /**
   * Reads every {@value #CHECK_STRIDE}th entry (all of them when there are fewer than {@value
   * #CHECK_STRIDE}, and the last one): before the measurement each must read back its value,
   * after it each must read as absent. A wrong setup would make the numbers meaningless: fail the
   * trial.
   */
  private void checkEntries(boolean present) {
    int stride = entries < CHECK_STRIDE ? 1 : CHECK_STRIDE;
    for (int i = 0; i < entries; i += stride) {
      checkEntry(i, present);
    }
    checkEntry(entries - 1, present);
  }

  private void checkEntry(int i, boolean present) {
    byte[] stored = trial.cache().get(keys[i]);
    if (present ? !Arrays.equals(stored, values[i]) : stored != null) {
      throw new IllegalStateException(backend + ", " + entries + " entries: key '" + keys[i] + "' reads "
          + (present ? (stored == null ? "nothing" : "a different value") + " after the preload"
              : "back after invalidateTags(\"" + TAG + "\")"));
    }
  }

  /** Checks that an invalidation makes the entries read as absent, and closes the trial whatever it found. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (trial == null) {
      return;
    }
    try {
      if (manager != null) {
        manager.invalidateTags(TAG).unwrap(); // whatever the measured calls did, the entries must now be gone
        checkEntries(false);
      }
    } finally {
      trial.close(); // the manager, then exactly the server this trial started
      trial = null;
      manager = null;
    }
  }

  @Benchmark
  @Threads(1)
  public void invalidateTags() {
    manager.invalidateTags(TAG).unwrap(); // a failed call throws: an error is not a fast invalidation
  }
}
