package dev.lexigram.cache.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.cache.Cache;

/**
 * The reading side of {@link NearLagProbe}, in a JVM of its own: opens lexigram on the probe's
 * configuration file (near cache on, unless the probe runs without it) and reads the probe's one
 * key through {@code javax.cache.Cache.get} in a loop, parking {@code pauseMicros} between reads
 * (0: no pause, a busy loop). The first read of a value warms the near cache; later reads of the
 * same value are local until Redis pushes an invalidation.
 *
 * <p>It talks to the probe in lines on stdout, each starting with {@value #PREFIX} so that
 * anything a library prints there is told apart:
 * <ul>
 *   <li>{@code lag:ready} once the cache is open and the loop is about to start;
 *   <li>{@code lag:seen <sequence> <wall-clock microseconds>} the first time a read returns a
 *       sequence number above every one it returned before (the clock is {@link
 *       NearLagProbe#wallMicros}, read as the get returns);
 *   <li>{@code lag:reads <count>}, the reads so far, each time the probe writes {@code count} on
 *       stdin;
 *   <li>{@code lag:failed <exception>} if a read throws (the loop then stops).
 * </ul>
 * It closes its manager and exits when stdin closes, which is how the probe stops it.
 *
 * <pre>
 *   java -cp benchmarks.jar dev.lexigram.cache.benchmarks.NearLagReader &lt;config file URI&gt; &lt;pause micros&gt;
 * </pre>
 */
public final class NearLagReader {

  static final String PREFIX = "lag:";

  private NearLagReader() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("Usage: NearLagReader <config file URI> <pause micros>");
      System.exit(2);
    }
    URI config = URI.create(args[0]);
    long pauseNanos = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(args[1]));
    Cache<String, String> cache = NearLagProbe.openCache(config);
    AtomicLong reads = new AtomicLong();
    Thread reader = new Thread(() -> readLoop(cache, pauseNanos, reads), "lag-reader");
    reader.setDaemon(true);
    emit("ready");
    reader.start();
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = commands.readLine(); line != null; line = commands.readLine()) {
      if (line.equals("count")) {
        emit("reads " + reads.get());
      }
    }
    reader.interrupt();
    reader.join(5_000);
    cache.getCacheManager().close();
    System.exit(0);
  }

  private static void readLoop(Cache<String, String> cache, long pauseNanos, AtomicLong reads) {
    long highest = -1;
    String last = null;
    long count = 0;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        String value = cache.get(NearLagProbe.KEY);
        if (value != null && !value.equals(last)) {
          long at = NearLagProbe.wallMicros();
          last = value;
          long sequence = Long.parseLong(value);
          if (sequence > highest) {
            highest = sequence;
            emit("seen " + sequence + " " + at);
          }
        }
        reads.lazySet(++count);
        if (pauseNanos > 0) {
          LockSupport.parkNanos(pauseNanos);
        } else {
          Thread.onSpinWait();
        }
      }
    } catch (RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) {
        emit("failed " + e);
      }
    }
  }

  private static void emit(String line) {
    synchronized (System.out) {
      System.out.println(PREFIX + line);
      System.out.flush();
    }
  }
}
