package dev.lexigram.cache.semantic;

import dev.lexigram.cache.SemanticStatistics;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link SemanticStatistics}; thread-safe. */
final class SemanticCounters {
  static final int BUCKETS = 101;

  final LongAdder lookups = new LongAdder();
  final LongAdder exactHits = new LongAdder();
  final LongAdder semanticHits = new LongAdder();
  final LongAdder misses = new LongAdder();
  final LongAdder tooLong = new LongAdder();
  final LongAdder guardRejections = new LongAdder();
  final LongAdder stores = new LongAdder();
  final LongAdder correct = new LongAdder();
  final LongAdder wrong = new LongAdder();
  private final AtomicLongArray nearest = new AtomicLongArray(BUCKETS);

  /** Counts the similarity of a lookup's nearest stored prompt. */
  void nearest(double similarity) {
    int bucket = (int) Math.floor(Math.max(0, Math.min(1, similarity)) * 100);
    nearest.incrementAndGet(bucket);
  }

  SemanticStatistics snapshot(long indexed) {
    long[] histogram = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      histogram[i] = nearest.get(i);
    }
    return new SemanticStatistics(lookups.sum(), exactHits.sum(), semanticHits.sum(), misses.sum(), tooLong.sum(),
        guardRejections.sum(), stores.sum(), correct.sum(), wrong.sum(), indexed, histogram);
  }
}
