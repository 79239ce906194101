package dev.lexigram.cache.benchmarks;

import java.util.concurrent.TimeUnit;

/**
 * A child process this JVM started and stops itself, by its own handle (never by name): {@link #stop}
 * destroys it, forcibly after {@value #STOP_SECONDS} s, and a shutdown hook does the same if the JVM
 * exits first. Shared by the servers a trial starts ({@link LocalServer}) and the lag probe's reader
 * JVM ({@link LagReaderProcess}).
 */
final class OwnedProcess {

  static final long STOP_SECONDS = 10;

  private final Process process;
  private final Thread shutdownHook;

  OwnedProcess(Process process, String name) {
    this.process = process;
    this.shutdownHook = new Thread(this::destroy, name + "-stopper");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  Process process() {
    return process;
  }

  /** Destroys the process (a second call does nothing) and drops the shutdown hook. */
  void stop() {
    destroy();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs destroy(), which is idempotent
    }
  }

  private void destroy() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
