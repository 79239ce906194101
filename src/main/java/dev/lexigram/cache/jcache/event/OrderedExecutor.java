package dev.lexigram.cache.jcache.event;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared executor: the events of one
 * asynchronous listener arrive in the order they happened, and listeners run in parallel with
 * each other.
 */
final class OrderedExecutor implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(OrderedExecutor.class);

  private final Executor delegate;
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private boolean running;

  OrderedExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (tasks) {
      tasks.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    delegate.execute(this::drain);
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (tasks) {
        next = tasks.poll();
        if (next == null) {
          running = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException | Error e) {
        LOG.warn("An asynchronous cache entry listener failed", e);
      }
    }
  }
}
