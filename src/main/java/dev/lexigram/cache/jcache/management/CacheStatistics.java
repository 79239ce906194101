package dev.lexigram.cache.jcache.management;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * The statistics of one cache, counted with {@link LongAdder}s. When disabled, every
 * {@code record*} call returns after one volatile read, so the cache can call them
 * unconditionally.
 */
public final class CacheStatistics implements CacheStatisticsMXBean {

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder removals = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder getTimeNanos = new LongAdder();
  private final LongAdder putTimeNanos = new LongAdder();
  private final LongAdder removeTimeNanos = new LongAdder();
  private volatile boolean enabled;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Returns the time to measure from, or 0 when statistics are off. */
  public long start() {
    return enabled ? System.nanoTime() : 0L;
  }

  public void recordHits(long count) {
    if (enabled) {
      hits.add(count);
    }
  }

  public void recordMisses(long count) {
    if (enabled) {
      misses.add(count);
    }
  }

  public void recordPuts(long count) {
    if (enabled) {
      puts.add(count);
    }
  }

  public void recordRemovals(long count) {
    if (enabled) {
      removals.add(count);
    }
  }

  public void recordEvictions(long count) {
    if (enabled) {
      evictions.add(count);
    }
  }

  public void recordGetTime(long startNanos) {
    if (enabled && startNanos != 0L) {
      getTimeNanos.add(System.nanoTime() - startNanos);
    }
  }

  public void recordPutTime(long startNanos) {
    if (enabled && startNanos != 0L) {
      putTimeNanos.add(System.nanoTime() - startNanos);
    }
  }

  public void recordRemoveTime(long startNanos) {
    if (enabled && startNanos != 0L) {
      removeTimeNanos.add(System.nanoTime() - startNanos);
    }
  }

  @Override
  public void clear() {
    for (LongAdder adder : new LongAdder[] {hits, misses, puts, removals, evictions,
        getTimeNanos, putTimeNanos, removeTimeNanos}) {
      adder.reset();
    }
  }

  @Override
  public long getCacheHits() {
    return hits.sum();
  }

  @Override
  public float getCacheHitPercentage() {
    long gets = getCacheGets();
    return gets == 0 ? 0f : (getCacheHits() * 100f) / gets;
  }

  @Override
  public long getCacheMisses() {
    return misses.sum();
  }

  @Override
  public float getCacheMissPercentage() {
    long gets = getCacheGets();
    return gets == 0 ? 0f : (getCacheMisses() * 100f) / gets;
  }

  @Override
  public long getCacheGets() {
    return getCacheHits() + getCacheMisses();
  }

  @Override
  public long getCachePuts() {
    return puts.sum();
  }

  @Override
  public long getCacheRemovals() {
    return removals.sum();
  }

  @Override
  public long getCacheEvictions() {
    return evictions.sum();
  }

  @Override
  public float getAverageGetTime() {
    return averageMicros(getTimeNanos.sum(), getCacheGets());
  }

  @Override
  public float getAveragePutTime() {
    return averageMicros(putTimeNanos.sum(), getCachePuts());
  }

  @Override
  public float getAverageRemoveTime() {
    return averageMicros(removeTimeNanos.sum(), getCacheRemovals());
  }

  private static float averageMicros(long totalNanos, long count) {
    return count == 0 ? 0f : (float) TimeUnit.NANOSECONDS.toMicros(totalNanos) / count;
  }
}
