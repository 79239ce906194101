package dev.lexigram.cache.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/**
 * 16 threads read a Redis cache while the server hangs ({@code SIGSTOP}) for 3 s and later stops
 * for 2 s: with the circuit breaker on, the hung server receives a handful of commands (those in
 * flight, the threshold, and about one probe per {@code reset_after}) where without it every
 * thread sends one per timeout; calls fail at once instead of each waiting for the timeout; and
 * after the restart the cache answers again within a second.
 */
class RedisBreakerFaultIT {

  private static final int THREADS = 16;
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Duration HANG = Duration.ofSeconds(3);

  /**
   * What one run saw: the calls sent to the hung server (those that waited for the timeout), the
   * calls that failed without waiting, and the recovery after the restart.
   */
  private record Run(long commandsDuringHang, long failedFast, long failedSlow, long recoveryMillis) {}

  @Test
  void hungAndStoppedServer_withTheBreaker_fewCommandsFastFailures_recoveryWithinASecond() throws Exception {
    Run without = run(false);
    Run with = run(true);
    System.out.println("[circuit breaker] hung server for " + HANG.toSeconds() + " s under " + THREADS + " threads"
        + " (timeout " + TIMEOUT.toMillis() + " ms): calls sent to it (each waited for the timeout): " + without.commandsDuringHang()
        + " without the breaker, " + with.commandsDuringHang() + " with it; failed calls without waiting / after the timeout: "
        + without.failedFast() + " / " + without.failedSlow() + " without, " + with.failedFast() + " / "
        + with.failedSlow() + " with; recovery after a 2 s stop and restart: " + without.recoveryMillis()
        + " ms without, " + with.recoveryMillis() + " ms with");

    // threshold 5, up to 16 calls in flight when it hung, one probe per second (reset_after 1s)
    assertThat(with.commandsDuringHang()).isLessThanOrEqualTo(THREADS + 5 + HANG.toSeconds() + 2);
    assertThat(without.commandsDuringHang()).as("the comparison means something")
        .isGreaterThan(2 * with.commandsDuringHang());
    assertThat(with.failedFast()).isGreaterThan(100 * with.failedSlow());
    assertThat(with.recoveryMillis()).isLessThan(1_000);
  }

  private Run run(boolean breaker) throws Exception {
    RedisServer server = RedisServer.start();
    try {
      URI config = ConfigFiles.writeTemporary("breaker", "cache:\n  backends:\n    - name: shared\n      type: redis\n"
          + "      url: " + server.url() + "\n      timeout: " + TIMEOUT.toMillis() + "ms\n  service:\n"
          + "    circuit_breaker: { enabled: " + breaker + ", threshold: 5, reset_after: 1s }\n");
      try (CacheManager manager = Caching.getCachingProvider().getCacheManager(config, getClass().getClassLoader())) {
        Cache<String, String> cache = manager.createCache("orders", new MutableConfiguration<String, String>());
        cache.put("k", "v");
        AtomicLong successes = new AtomicLong();
        AtomicLong fast = new AtomicLong();
        AtomicLong slow = new AtomicLong();
        LongAccumulator lastSuccess = new LongAccumulator(Math::max, 0);
        CountDownLatch stop = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
          Thread thread = new Thread(() -> {
            while (stop.getCount() > 0) {
              long start = System.nanoTime();
              try {
                cache.get("k");
                successes.incrementAndGet();
                lastSuccess.accumulate(System.nanoTime());
              } catch (RuntimeException e) {
                // a call that waited for the timeout was sent to the server; a faster one was not
                // (a refused call can still take tens of ms when 16 threads share 2 cores)
                (System.nanoTime() - start < TIMEOUT.toNanos() * 4 / 5 ? fast : slow).incrementAndGet();
              }
            }
          });
          thread.start();
          threads.add(thread);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> successes.get() > 1_000);

        fast.set(0);
        slow.set(0);
        server.freeze();
        stop.await(HANG.toMillis(), TimeUnit.MILLISECONDS);
        long failedFast = fast.get();
        long failedSlow = slow.get();
        server.thaw();
        await().atMost(Duration.ofSeconds(5)).until(() -> lastSuccess.get() > System.nanoTime() - 100_000_000L);
        server.stop();
        stop.await(2, TimeUnit.SECONDS);
        server = server.restart();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> lastSuccess.get() > back);
        // the poll runs every 5 ms: the first success after the restart is at most 5 ms before this one
        long recovery = TimeUnit.NANOSECONDS.toMillis(lastSuccess.get() - back);
        stop.countDown();
        for (Thread thread : threads) {
          thread.join(5_000);
        }
        return new Run(failedSlow, failedFast, failedSlow, recovery);
      }
    } finally {
      server.thaw();
      server.stop();
    }
  }
}
