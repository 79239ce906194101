package dev.lexigram.cache.benchmarks;

import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
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
 * Store-by-value get and put of a small record ({@link Product}) through {@code javax.cache.Cache}:
 * lexigram-cache's memory backend with each of its serializers (the default AUTO, JSON, Kryo,
 * JDK) beside Caffeine's JCache, which copies with Java serialization. {@link Product} is a record
 * of immutable components, which lexigram recognises and does not copy at all, whatever the
 * serializer; Caffeine serializes it on every get and put. {@link MemoryGetPutBenchmark}
 * measures by-value with {@code byte[]} values, which both providers copy with an array clone;
 * this one measures the copy that differs between them, for the values applications cache.
 *
 * <p>Keys, key walk and thread counts as in {@link MemoryGetPutBenchmark}: {@value
 * MemoryGetPutBenchmark#KEY_COUNT} String keys preloaded, every get a hit, every put a replace.
 * {@code RatioReport} prints the ratios lexigram-* / caffeine-jcache-byValue.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class MemoryByValueBenchmark {

  @Param({"lexigram-auto", "lexigram-json", "lexigram-kryo", "lexigram-java", "caffeine-jcache-byValue"})
  public String candidate;

  private ByValueTrial<Product> trial;
  private Cache<String, Product> cache;
  private String[] keys;
  private Product[] values;

  /** lexigram may read a {@link Product} back as stored: a record of immutable components needs no copy. */
  @Setup(Level.Trial)
  public void setUp() {
    trial = new ByValueTrial<>(candidate, Product.class, Product[]::new, Product::number, false);
    cache = trial.cache;
    keys = trial.keys;
    values = trial.values;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (trial != null) {
      trial.close();
      trial = null;
    }
  }

  @Benchmark
  @Threads(1)
  public Product get_1thread(MemoryGetPutBenchmark.Cursor cursor) {
    return cache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(2)
  public Product get_2threads(MemoryGetPutBenchmark.Cursor cursor) {
    return cache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(1)
  public void put_1thread(MemoryGetPutBenchmark.Cursor cursor) {
    int i = cursor.next();
    cache.put(keys[i], values[i]);
  }

  @Benchmark
  @Threads(2)
  public void put_2threads(MemoryGetPutBenchmark.Cursor cursor) {
    int i = cursor.next();
    cache.put(keys[i], values[i]);
  }
}
