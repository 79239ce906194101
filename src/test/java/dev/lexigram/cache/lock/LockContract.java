package dev.lexigram.cache.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.CacheBackend;
import dev.lexigram.cache.DistributedLock;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.LockLease;
import dev.lexigram.cache.Result;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.CacheManager;
import dev.lexigram.cache.jcache.spi.LexigramCachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DistributedLock}, written once: grants with growing fencing tokens,
 * owner-only release and extend, mutual exclusion under 16 threads, a lease that runs out, and
 * renewal that lasts while the owner thread lives. Each backend supplies its configuration.
 */
abstract class LockContract {

  static final Duration LONG = Duration.ofSeconds(30);

  /** The configuration file of a manager on the backend under test, its only backend named {@code shared}. */
  abstract URI config();

  private CacheManager manager;
  LexigramCacheManager lexigram;
  private final ExecutorService pool = Executors.newFixedThreadPool(16);

  @BeforeEach
  void open() {
    manager = new LexigramCachingProvider().getCacheManager(config(), getClass().getClassLoader());
    lexigram = manager.unwrap(LexigramCacheManager.class);
  }

  @AfterEach
  void close() {
    pool.shutdownNow();
    manager.close();
  }

  /** A lock name of this test alone, so tests never meet each other's locks on a shared server. */
  static String unique(String name) {
    return name + "-" + System.nanoTime();
  }

  static LockLease held(Result<Optional<LockLease>> acquired) {
    return acquired.unwrap().orElseThrow(() -> new AssertionError("the lock was not granted"));
  }

  @Test
  void tryAcquire_freeLock_grantsIt_heldLockIsRefused_releaseFreesItWithAGreaterToken() {
    DistributedLock lock = lexigram.lock(unique("orders"));

    LockLease first = held(lock.tryAcquire(Duration.ZERO, LONG));
    assertThat(first.fencingToken()).isPositive();
    assertThat(lock.tryAcquire(Duration.ZERO, LONG).unwrap()).as("held by the first lease").isEmpty();
    assertThat(first.release().unwrap()).isTrue();
    assertThat(first.release().unwrap()).as("a second release finds it no longer ours").isFalse();

    try (LockLease second = held(lock.tryAcquire(Duration.ZERO, LONG))) {
      assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    }
  }

  @Test
  void tryAcquire_16ThreadsIncrementingThroughTheCache_neverOverlap_andTokensGrowInGrantOrder() throws Exception {
    CacheBackend backend = lexigram.backend("shared");
    String counter = unique("counter");
    backend.set(counter, 0L).unwrap();
    DistributedLock lock = lexigram.lock(unique("counter-lock"));
    int rounds = 10;
    AtomicInteger inside = new AtomicInteger();
    List<Long> tokens = Collections.synchronizedList(new ArrayList<>());
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      workers.add(pool.submit(() -> {
        int overlaps = 0;
        for (int i = 0; i < rounds; i++) {
          try (LockLease lease = held(lock.tryAcquire(LONG, LONG))) {
            overlaps += inside.incrementAndGet() == 1 ? 0 : 1;
            tokens.add(lease.fencingToken());
            long value = (Long) backend.get(counter).unwrap().orElseThrow(); // read-modify-write: safe only under the lock
            backend.set(counter, value + 1).unwrap();
            inside.decrementAndGet();
          }
        }
        return overlaps;
      }));
    }
    for (Future<Integer> worker : workers) {
      assertThat(worker.get(120, TimeUnit.SECONDS)).as("threads inside at once").isZero();
    }

    assertThat(backend.get(counter).unwrap()).contains((long) 16 * rounds);
    assertThat(tokens).hasSize(16 * rounds).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void leaseRunsOut_anotherOwnerTakesItWithAGreaterToken_andTheFormerCannotReleaseNorExtendIt() {
    DistributedLock lock = lexigram.lock(unique("short"));
    LockLease former = held(lock.tryAcquire(Duration.ZERO, Duration.ofMillis(200)));

    LockLease next = held(lock.tryAcquire(Duration.ofSeconds(10), LONG));

    assertThat(next.fencingToken()).isGreaterThan(former.fencingToken());
    assertThat(former.extend(LONG).unwrap()).isFalse();
    assertThat(former.release().unwrap()).isFalse();
    assertThat(lock.tryAcquire(Duration.ZERO, LONG).unwrap()).as("still the next owner's").isEmpty();
    assertThat(next.extend(LONG).unwrap()).isTrue();
    assertThat(next.release().unwrap()).isTrue();
  }

  @Test
  void renewal_keepsTheLockWhileTheOwnerThreadLives_andStopsWhenItEnds() throws Exception {
    DistributedLock lock = lexigram.lock(unique("renewed"));
    CountDownLatch acquired = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Thread owner = new Thread(() -> {
      held(lock.tryAcquire(Duration.ZERO, Duration.ofMillis(600), Duration.ofMinutes(1)));
      acquired.countDown();
      try {
        finish.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    owner.start();
    assertThat(acquired.await(10, TimeUnit.SECONDS)).isTrue();

    // two and a half leases of time: only renewal keeps the lock the owner's
    assertThat(lock.tryAcquire(Duration.ofMillis(1_500), LONG).unwrap()).as("renewed while the owner lives").isEmpty();
    finish.countDown();
    owner.join(10_000);

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> lock.tryAcquire(Duration.ZERO, LONG).unwrap().isPresent());
  }

  @Test
  void tryAcquire_invalidArguments_areErrorsNotExceptions() {
    DistributedLock lock = lexigram.lock(unique("args"));

    assertThat(lock.tryAcquire(Duration.ZERO, Duration.ZERO).isErr()).isTrue();
    assertThat(lock.tryAcquire(Duration.ofSeconds(-1), LONG).isErr()).isTrue();
    assertThat(lock.tryAcquire(Duration.ZERO, LONG, Duration.ZERO).isErr()).isTrue();
  }
}
