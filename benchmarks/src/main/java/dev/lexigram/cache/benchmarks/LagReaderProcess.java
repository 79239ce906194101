package dev.lexigram.cache.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link NearLagProbe}'s handle on its reader JVM ({@link NearLagReader}): started with this JVM's
 * java and class path, its stdout parsed by a thread of its own into the sequences it saw (with
 * the wall-clock time it first saw each) and its answers to {@code count}, its stderr in a log
 * file of the probe's directory. {@link #close} closes its stdin (the reader then closes its
 * manager and exits) and, if it has not exited within 10 s, destroys exactly this process by its
 * handle. A shutdown hook does the same if the probe ends without closing it.
 */
final class LagReaderProcess implements AutoCloseable {

  private static final long STOP_SECONDS = OwnedProcess.STOP_SECONDS;

  private final Process process;
  private final OwnedProcess owned;
  private final OutputStream stdin;
  private final Path log;
  private final Thread stdoutReader;
  /** Sequence number to the reader's wall clock (microseconds) when it first saw it. */
  private final ConcurrentSkipListMap<Long, Long> seen = new ConcurrentSkipListMap<>();
  private final BlockingQueue<Long> counts = new LinkedBlockingQueue<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile String failure;
  private volatile boolean closing;

  private LagReaderProcess(Process process, Path log) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.log = log;
    this.owned = new OwnedProcess(process, "lag-reader");
    this.stdoutReader = new Thread(this::readStdout, "lag-reader-stdout");
    stdoutReader.setDaemon(true);
    stdoutReader.start();
  }

  /**
   * Starts the reader JVM on the configuration file and waits until it reports ready.
   *
   * @param dir where its stderr log goes
   */
  static LagReaderProcess start(URI config, long pauseMicros, Path dir) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = dir.resolve("reader.log");
    List<String> command = List.of(java.toString(), "-Xms256m", "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), NearLagReader.class.getName(), config.toString(),
        Long.toString(pauseMicros));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start the reader JVM: " + e, e);
    }
    LagReaderProcess reader = new LagReaderProcess(process, log);
    try {
      if (!reader.ready.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the reader JVM was not ready within 60 s" + reader.describeFailure());
      }
      reader.checkAlive();
      return reader;
    } catch (InterruptedException e) {
      reader.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the reader JVM", e);
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  private void readStdout() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (!line.startsWith(NearLagReader.PREFIX)) {
          continue; // a library's output
        }
        String[] parts = line.substring(NearLagReader.PREFIX.length()).split(" ", 3);
        switch (parts[0]) {
          case "ready" -> ready.countDown();
          case "seen" -> seen.putIfAbsent(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
          case "reads" -> counts.add(Long.parseLong(parts[1]));
          case "failed" -> failure = line;
          default -> { }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!closing) {
        failure = "reading its output failed: " + e;
      }
    }
    if (!closing && failure == null) {
      failure = "the reader JVM ended";
    }
    ready.countDown(); // a start() still waiting learns of the end at once
  }

  /** Fails if the reader reported a failure or ended. */
  void checkAlive() {
    if (failure != null) {
      throw new IllegalStateException(failure + describeFailure());
    }
  }

  /** The sequences the reader saw: sequence number to its wall clock (microseconds) when it first saw it. */
  NavigableMap<Long, Long> seen() {
    return seen;
  }

  /** Waits until the reader has seen {@code sequence} or a later one; false if it had not within the timeout. */
  boolean awaitSeen(long sequence, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (seen.ceilingKey(sequence) == null) {
      checkAlive();
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(1);
    }
    return true;
  }

  /** Asks the reader how many reads it has made so far. */
  long reads() throws IOException, InterruptedException {
    stdin.write("count\n".getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    Long count = counts.poll(10, TimeUnit.SECONDS);
    if (count == null) {
      checkAlive();
      throw new IllegalStateException("the reader JVM did not answer 'count' within 10 s");
    }
    return count;
  }

  private String describeFailure() {
    String exit = process.isAlive() ? "" : " (exit code " + process.exitValue() + ")";
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      return exit + "; its stderr: " + (text.isEmpty() ? "(empty)" : text);
    } catch (IOException e) {
      return exit;
    }
  }

  /** Closes the reader's stdin, waits for it to exit, and destroys it by its handle if it does not. */
  @Override
  public void close() {
    closing = true;
    try {
      stdin.close();
    } catch (IOException e) {
      // it has ended already: stop() finds it dead
    }
    try {
      if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        System.err.println("the reader JVM (pid " + process.pid() + ") did not exit within " + STOP_SECONDS
            + " s of its stdin closing: destroying it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    owned.stop();
  }
}
