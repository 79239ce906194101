package dev.lexigram.cache.near;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.NearCacheStatisticsMXBean;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;

/**
 * The fault checker: one manager writes increasing versions of a few keys while another reads
 * them through its near cache on four threads; meanwhile the server is restarted (losing its
 * data) and frozen ({@code SIGSTOP}) for longer than the heartbeat. No read may return a version
 * whose successor had been acknowledged more than the allowance before the read began, and no
 * reader may go back to an older version than one it already read.
 */
class NearFaultIT {

  private static final String[] KEYS = {"k0", "k1", "k2", "k3"};
  private static final long HEARTBEAT_MILLIS = 200;
  /** Two heartbeats (the documented bound of a silent connection) and a margin for a busy 2-core machine. */
  private static final long ALLOWANCE_MILLIS = 2 * HEARTBEAT_MILLIS + 300;

  @Test
  void restartAndFreezeUnderLoad_noReaderReturnsAnOverwrittenVersion() throws Exception {
    RedisServer server = RedisServer.start();
    try {
      URI config = ConfigFiles.writeTemporary("near-fault", NearCaches.config("- name: shared\n  type: redis\n  url: "
          + server.url() + "\n  timeout: 500ms", "{ max_ttl: 30s, heartbeat: " + HEARTBEAT_MILLIS + "ms }"));
      URI writerConfig = ConfigFiles.writeTemporary("near-fault", Files.readString(Path.of(config)));
      VersionChecker checker = new VersionChecker(ALLOWANCE_MILLIS);
      AtomicLong readErrors = new AtomicLong();
      try (CacheManager readers = open(config); CacheManager writers = open(writerConfig)) {
        Cache<String, String> read = NearCaches.items(readers);
        Cache<String, String> write = NearCaches.items(writers);
        CountDownLatch stop = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        threads.add(started(() -> writeVersions(write, checker, stop)));
        for (int i = 0; i < 4; i++) {
          threads.add(started(() -> readVersions(read, checker, stop, readErrors)));
        }

        stop.await(1, TimeUnit.SECONDS); // normal operation
        server = server.restart();
        stop.await(2, TimeUnit.SECONDS);
        server.freeze();
        stop.await(1_500, TimeUnit.MILLISECONDS);
        server.thaw();
        stop.await(2, TimeUnit.SECONDS);
        stop.countDown();
        for (Thread thread : threads) {
          thread.join(10_000);
        }

        NearCacheStatisticsMXBean statistics = NearCaches.statistics(readers, "items");
        System.out.println("[near fault checker] " + checker.reads() + " reads (" + statistics.getHits()
            + " near hits, " + readErrors.get() + " failed during the outages), " + statistics.getFlushes()
            + " flushes; stale beyond " + ALLOWANCE_MILLIS + " ms: " + checker.stale() + ", went back: "
            + checker.wentBack() + ", worst lag behind an acknowledged write: " + checker.worstLagMillis() + " ms");
        assertThat(checker.stale()).as("reads older than an acknowledged write by more than the allowance").isZero();
        assertThat(checker.wentBack()).as("readers that went back").isZero();
        assertThat(statistics.getHits()).as("the near cache answered").isGreaterThan(1_000);
        assertThat(statistics.getFlushes()).as("the restart and the freeze each dropped the copies").isGreaterThanOrEqualTo(2);
      }
    } finally {
      server.thaw();
      server.stop();
    }
  }

  private static Thread started(Runnable work) {
    Thread thread = new Thread(work);
    thread.start();
    return thread;
  }

  private static CacheManager open(URI config) {
    return Caching.getCachingProvider().getCacheManager(config, NearFaultIT.class.getClassLoader());
  }

  private static void writeVersions(Cache<String, String> cache, VersionChecker checker, CountDownLatch stop) {
    long[] next = new long[KEYS.length];
    java.util.Arrays.fill(next, 1);
    while (stop.getCount() > 0) {
      for (int i = 0; i < KEYS.length; i++) {
        try {
          cache.put(KEYS[i], Long.toString(next[i]));
          checker.acknowledged(KEYS[i], next[i], System.nanoTime());
          next[i]++;
        } catch (CacheException e) {
          // not acknowledged (the server is down or frozen): the same version is written again
        }
      }
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // a steady write rate
    }
  }

  private static void readVersions(Cache<String, String> cache, VersionChecker checker, CountDownLatch stop,
      AtomicLong errors) {
    long[] seen = new long[KEYS.length];
    while (stop.getCount() > 0) {
      for (int i = 0; i < KEYS.length; i++) {
        long start = System.nanoTime();
        String value;
        try {
          value = cache.get(KEYS[i]);
        } catch (CacheException e) {
          errors.incrementAndGet();
          continue;
        }
        seen[i] = checker.read(KEYS[i], start, value == null ? null : Long.valueOf(value), seen[i]);
      }
    }
  }
}
