package dev.lexigram.cache.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A thread's position in the remote workload: the next key for get and put, the next group for
 * getAll, each starting at a random point so that threads do not walk in step. The measured
 * operation makes no random-number call.
 */
@State(Scope.Thread)
public class RemoteCursor {
  private int key;
  private int group;

  @Setup(Level.Trial)
  public void start() {
    key = ThreadLocalRandom.current().nextInt(RemoteWorkload.KEY_COUNT);
    group = ThreadLocalRandom.current().nextInt(RemoteWorkload.GROUP_COUNT);
  }

  /** Returns the index of the next key. */
  int nextKey() {
    int current = key;
    key = (current + 1 == RemoteWorkload.KEY_COUNT) ? 0 : current + 1;
    return current;
  }

  /** Returns the index of the next group. */
  int nextGroup() {
    int current = group;
    group = (current + 1 == RemoteWorkload.GROUP_COUNT) ? 0 : current + 1;
    return current;
  }
}
