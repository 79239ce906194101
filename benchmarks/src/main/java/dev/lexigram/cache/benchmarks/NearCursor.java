package dev.lexigram.cache.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A thread's position in {@link NearCacheBenchmark}'s hot set: the next of its
 * {@value NearCacheBenchmark#HOT_KEYS} keys, starting at a random point so that threads do not walk
 * in step, and for the write-heavy mix whether the next operation is a put (every other one). The
 * measured operation makes no random-number call.
 */
@State(Scope.Thread)
public class NearCursor {
  private int key;
  private boolean put;

  @Setup(Level.Trial)
  public void start() {
    key = ThreadLocalRandom.current().nextInt(NearCacheBenchmark.HOT_KEYS);
    put = ThreadLocalRandom.current().nextBoolean();
  }

  /** Returns the index of the next key. */
  int nextKey() {
    int current = key;
    key = (current + 1 == NearCacheBenchmark.HOT_KEYS) ? 0 : current + 1;
    return current;
  }

  /** Whether the next operation of the mix is a put: true and false in turn. */
  boolean nextIsPut() {
    put = !put;
    return put;
  }
}
