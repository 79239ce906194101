package dev.lexigram.cache.near;

import dev.lexigram.cache.NearCacheStatisticsMXBean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The counters of one cache's near cache, always on (a {@link LongAdder} per event), registered
 * as its MXBean by the cache layer.
 */
public final class NearCounters implements NearCacheStatisticsMXBean {

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder invalidations = new LongAdder();
  private final LongAdder flushes = new LongAdder();
  private volatile LongSupplier size = () -> 0;

  void hit() {
    hits.increment();
  }

  void miss() {
    misses.increment();
  }

  void invalidation() {
    invalidations.increment();
  }

  void flush() {
    flushes.increment();
  }

  void sizeFrom(LongSupplier supplier) {
    this.size = supplier;
  }

  @Override
  public long getHits() {
    return hits.sum();
  }

  @Override
  public long getMisses() {
    return misses.sum();
  }

  @Override
  public long getInvalidations() {
    return invalidations.sum();
  }

  @Override
  public long getFlushes() {
    return flushes.sum();
  }

  @Override
  public long getSize() {
    return size.getAsLong();
  }
}
