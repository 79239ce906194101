package dev.lexigram.cache.benchmarks;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
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
 * Single-key get and put on an in-memory cache: lexigram-cache's memory backend through
 * {@code javax.cache.Cache}, by reference and by value, against plain Caffeine and Caffeine's
 * own JCache provider configured the same way.
 *
 * <p>Every trial preloads {@value #KEY_COUNT} String keys with {@value #VALUE_SIZE}-byte values,
 * so every get hits and every put replaces an existing entry with the same value. Each thread
 * walks a pre-shuffled key array from its own random starting point; the measured op does no
 * random-number work. Each op runs at 1 and 2 threads (two methods, so one JMH run gives every
 * row); {@code RatioReport} turns the JSON result into the comparison table.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class MemoryGetPutBenchmark {

  static final int KEY_COUNT = 100_000;
  static final int VALUE_SIZE = 100;
  private static final long SEED = 0x5EED_CAFEL;

  @Param({"lexigram-byRef", "lexigram-byValue", "caffeine-raw", "caffeine-raw-copying", "caffeine-jcache-byRef",
      "caffeine-jcache-byValue"})
  public String candidate;

  private Candidate cache;
  /** The keys in a shuffled order; {@code values[i]} is the value of {@code keys[i]}. */
  private String[] keys;
  private byte[][] values;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(SEED);
    keys = new String[KEY_COUNT];
    values = new byte[KEY_COUNT][];
    for (int i = 0; i < KEY_COUNT; i++) {
      keys[i] = "product:" + i;
      values[i] = new byte[VALUE_SIZE];
      random.nextBytes(values[i]);
    }
    shuffle(random);
    cache = Candidate.open(candidate);
    for (int i = 0; i < KEY_COUNT; i++) {
      cache.put(keys[i], values[i]);
    }
    verifyPreload();
    // measure a settled heap: the preload's garbage gone and its entries moved out of the young
    // generation once, not during the first iterations (without it a rate climbed 2.5x across one
    // trial's iterations as collections moved the entries)
    System.gc();
  }

  /** Shuffles keys and values together (Fisher-Yates), so a key keeps its value. */
  private void shuffle(Random random) {
    for (int i = KEY_COUNT - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String key = keys[i];
      keys[i] = keys[j];
      keys[j] = key;
      byte[] value = values[i];
      values[i] = values[j];
      values[j] = value;
    }
  }

  /** A wrong setup (a miss, a mangled copy) would make the numbers meaningless: fail the trial. */
  private void verifyPreload() {
    for (int i = 0; i < KEY_COUNT; i++) {
      byte[] stored = cache.get(keys[i]);
      if (!Arrays.equals(stored, values[i])) {
        throw new IllegalStateException(candidate + ": key '" + keys[i] + "' reads back "
            + (stored == null ? "nothing" : "a different value of " + stored.length + " bytes")
            + " after the preload");
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (cache != null) {
      cache.close();
      cache = null;
    }
  }

  /** A thread's position in the shuffled key array. */
  @State(Scope.Thread)
  public static class Cursor {
    private int index;

    @Setup(Level.Trial)
    public void start() {
      index = ThreadLocalRandom.current().nextInt(KEY_COUNT);
    }

    int next() {
      int current = index;
      index = (current + 1 == KEY_COUNT) ? 0 : current + 1;
      return current;
    }
  }

  @Benchmark
  @Threads(1)
  public byte[] get_1thread(Cursor cursor) {
    return cache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(2)
  public byte[] get_2threads(Cursor cursor) {
    return cache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(1)
  public void put_1thread(Cursor cursor) {
    int i = cursor.next();
    cache.put(keys[i], values[i]);
  }

  @Benchmark
  @Threads(2)
  public void put_2threads(Cursor cursor) {
    int i = cursor.next();
    cache.put(keys[i], values[i]);
  }
}
