package dev.lexigram.cache.near;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * The fault checker's bookkeeping: the writer writes versions 1, 2, 3, … of each key, retrying a
 * version until it is acknowledged, and records when each was; a reader's value is stale when the
 * next version had been acknowledged more than {@code allowance} before the read started, and a
 * reader goes back when it reads a version below one it read before.
 */
final class VersionChecker {

  private final long allowanceNanos;
  private final ConcurrentMap<String, ConcurrentMap<Long, Long>> acked = new ConcurrentHashMap<>();
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong stale = new AtomicLong();
  private final AtomicLong wentBack = new AtomicLong();
  private final LongAccumulator worstLagNanos = new LongAccumulator(Math::max, 0);

  VersionChecker(long allowanceMillis) {
    this.allowanceNanos = allowanceMillis * 1_000_000;
  }

  void acknowledged(String key, long version, long atNanos) {
    acked.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(version, atNanos);
  }

  /**
   * Checks one read of {@code key} that started at {@code startNanos} and returned {@code version}
   * (null: absent, as after a restart that lost the data); returns the version the reader has now seen.
   */
  long read(String key, long startNanos, Long version, long seenBefore) {
    reads.incrementAndGet();
    if (version == null) {
      return seenBefore;
    }
    if (version < seenBefore) {
      wentBack.incrementAndGet();
    }
    ConcurrentMap<Long, Long> versions = acked.get(key);
    Long nextAckedAt = versions == null ? null : versions.get(version + 1);
    if (nextAckedAt != null && nextAckedAt < startNanos) {
      long lag = startNanos - nextAckedAt;
      worstLagNanos.accumulate(lag);
      if (lag > allowanceNanos) {
        stale.incrementAndGet();
      }
    }
    return Math.max(version, seenBefore);
  }

  long reads() {
    return reads.get();
  }

  long stale() {
    return stale.get();
  }

  long wentBack() {
    return wentBack.get();
  }

  long worstLagMillis() {
    return worstLagNanos.get() / 1_000_000;
  }
}
