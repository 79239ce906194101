package dev.lexigram.cache.stampede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.KeyLease;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** XFetch's decision and its one-at-a-time rule, on an injected clock (instants) and a seeded random source. */
class EarlyRecomputeTest {

  private static final long EXPIRES_AT = 1_000_000L;
  private static final int DELTA = 100;
  private static final DoubleSupplier NEVER_DRAWN = () -> {
    throw new AssertionError("drew a random number where the probability is 0");
  };

  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private static StoreEntry entry(long expiresAt, EntryMeta meta) {
    return new StoreEntry("v", 1L, expiresAt, meta);
  }

  @Test
  void probability_isExpOfMinusRemainingOverBetaTimesDelta() {
    EarlyRecompute beta1 = new EarlyRecompute(1.0, 30_000, executor, NEVER_DRAWN);
    EarlyRecompute beta2 = new EarlyRecompute(2.0, 30_000, executor, NEVER_DRAWN);
    StoreEntry entry = entry(EXPIRES_AT, EntryMeta.computedIn(DELTA));

    assertThat(beta1.probability(entry, EXPIRES_AT)).isEqualTo(1.0);
    assertThat(beta1.probability(entry, EXPIRES_AT - 100)).isCloseTo(Math.exp(-1), within(1e-12));
    assertThat(beta1.probability(entry, EXPIRES_AT - 300)).isCloseTo(Math.exp(-3), within(1e-12));
    assertThat(beta2.probability(entry, EXPIRES_AT - 300)).isCloseTo(Math.exp(-1.5), within(1e-12));
    assertThat(beta1.probability(entry, EXPIRES_AT - 40 * DELTA - 1)).as("beyond the horizon").isZero();
  }

  @Test
  void isDue_entriesWithoutComputeTimeOrExpiry_neverDraw() {
    EarlyRecompute early = new EarlyRecompute(1.0, 30_000, executor, NEVER_DRAWN);

    assertThat(early.isDue(entry(EXPIRES_AT, null), EXPIRES_AT - 1)).isFalse();
    assertThat(early.isDue(entry(StoreEntry.ETERNAL, EntryMeta.computedIn(DELTA)), EXPIRES_AT)).isFalse();
    assertThat(early.isDue(entry(EXPIRES_AT, EntryMeta.computedIn(DELTA)), EXPIRES_AT - 60_000)).isFalse();
  }

  @Test
  void isDue_withAFixedSeed_recomputesAtThePredictedRate() {
    SplittableRandom random = new SplittableRandom(20261203L);
    int draws = 20_000;
    for (double beta : new double[] {1.0, 0.5, 3.0}) {
      EarlyRecompute early = new EarlyRecompute(beta, 30_000, executor, random::nextDouble);
      for (long remaining : new long[] {0, 10, 50, 100, 200, 400}) {
        StoreEntry entry = entry(EXPIRES_AT, EntryMeta.computedIn(DELTA));
        int due = 0;
        for (int i = 0; i < draws; i++) {
          if (early.isDue(entry, EXPIRES_AT - remaining)) {
            due++;
          }
        }
        double expected = Math.exp(-remaining / (beta * DELTA));
        double sigma = Math.sqrt(expected * (1 - expected) / draws);
        double observed = (double) due / draws;
        System.out.printf("[xfetch] beta %.1f, %3d ms before expiry, delta %d ms: predicted %.4f, observed %.4f%n",
            beta, remaining, DELTA, expected, observed);
        assertThat(observed).as("beta %s, %s ms before expiry", beta, remaining)
            .isCloseTo(expected, within(4 * sigma + 1e-9));
      }
    }
  }

  @Test
  void start_whileTheKeyIsBeingRecomputed_doesNotStartItAgain() throws Exception {
    EarlyRecompute early = new EarlyRecompute(1.0, 30_000, executor, NEVER_DRAWN);
    Store store = storeWithLease(KeyLease.LOCAL);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    Runnable recompute = () -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      runs.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
    };

    assertThat(early.start("k", store, recompute)).isTrue();
    for (int i = 0; i < 100; i++) {
      assertThat(early.start("k", store, recompute)).as("attempt %d while the first runs", i).isFalse();
    }
    assertThat(early.start("other", store, () -> { })).as("another key is independent").isTrue();
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> !early.isRunning("k"));

    assertThat(early.start("k", store, recompute)).as("after the first ended").isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> !early.isRunning("k"));
    assertThat(runs).hasValue(2);
    assertThat(most).hasValue(1);
  }

  @Test
  void start_leaseHeldByAnotherProcess_leavesTheRecomputeToIt() {
    EarlyRecompute early = new EarlyRecompute(1.0, 30_000, executor, NEVER_DRAWN);
    AtomicInteger runs = new AtomicInteger();

    assertThat(early.start("k", storeWithLease(null), runs::incrementAndGet)).isTrue();

    await().atMost(Duration.ofSeconds(10)).until(() -> !early.isRunning("k"));
    assertThat(runs).hasValue(0);
  }

  @Test
  void start_recomputeFails_isLoggedAndTheKeyCanBeRecomputedAgain() {
    EarlyRecompute early = new EarlyRecompute(1.0, 30_000, executor, NEVER_DRAWN);
    AtomicInteger released = new AtomicInteger();
    Store store = storeWithLease(released::incrementAndGet);

    early.start("k", store, () -> {
      throw new IllegalStateException("the database is down");
    });

    await().atMost(Duration.ofSeconds(10)).until(() -> !early.isRunning("k"));
    assertThat(released).as("the lease is released after a failure").hasValue(1);
  }

  /** A store that answers only {@code tryLease}, with the given lease (null: held elsewhere). */
  private static Store storeWithLease(KeyLease lease) {
    return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
        (proxy, method, args) -> {
          if (method.getName().equals("tryLease")) {
            return lease;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
