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
 * {@link MemoryByValueBenchmark} with a value that must be copied: {@link ProductBean}, the same
 * fields in a mutable {@code Serializable} bean. Here every lexigram candidate copies through its
 * serializer (the default AUTO through JDK serialization, as Caffeine's JCache does), so this is
 * the comparison of the copies themselves.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class MemoryBeanByValueBenchmark {

  @Param({"lexigram-auto", "lexigram-json", "lexigram-kryo", "lexigram-java", "caffeine-jcache-byValue"})
  public String candidate;

  private ByValueTrial<ProductBean> trial;
  private Cache<String, ProductBean> cache;
  private String[] keys;
  private ProductBean[] values;

  /** Every candidate must read back a copy: the bean is mutable. */
  @Setup(Level.Trial)
  public void setUp() {
    trial = new ByValueTrial<>(candidate, ProductBean.class, ProductBean[]::new, ProductBean::number, true);
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
  public ProductBean get_1thread(MemoryGetPutBenchmark.Cursor cursor) {
    return cache.get(keys[cursor.next()]);
  }

  @Benchmark
  @Threads(2)
  public ProductBean get_2threads(MemoryGetPutBenchmark.Cursor cursor) {
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
