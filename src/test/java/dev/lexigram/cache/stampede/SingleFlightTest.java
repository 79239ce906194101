package dev.lexigram.cache.stampede;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.config.ProtectionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The single-flight contract: one load per key at a time, its outcome shared, never a hang. */
class SingleFlightTest {

  private static final int THREADS = 32;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private final List<Thread> callers = new ArrayList<>();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** A mutable value, so that a shared copy can be told from the loaded object. */
  static final class Box {
    final String content;

    Box(String content) {
      this.content = content;
    }
  }

  private static ProtectionSettings waitingAtMost(Duration maxWait) {
    return new ProtectionSettings(maxWait, Duration.ofSeconds(30), ProtectionSettings.OnTimeout.LOAD);
  }

  private static Box copy(Box box) {
    return new Box(box.content);
  }

  /** Starts a caller on the pool that runs {@code call}, remembering its thread. */
  private <T> Future<T> start(java.util.concurrent.Callable<T> call) {
    return pool.submit(() -> {
      synchronized (callers) {
        callers.add(Thread.currentThread());
      }
      return call.call();
    });
  }

  /** Waits until every caller is blocked: the loader on its gate, the others on the flight. */
  private void awaitAllBlocked(int count) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2)).until(() -> {
      synchronized (callers) {
        return callers.size() == count && callers.stream().allMatch(t ->
            t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
      }
    });
  }

  @Test
  void load_concurrentCallersOfOneKey_runTheLoaderOnce_andEachGetsItsOwnCopy() throws Exception {
    SingleFlight<String, Box> flights = new SingleFlight<>(waitingAtMost(Duration.ofSeconds(30)), SingleFlightTest::copy);
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch gate = new CountDownLatch(1);
    Function<String, Box> loader = key -> {
      calls.incrementAndGet();
      pass(gate);
      return new Box("value of " + key);
    };

    List<Future<Box>> results = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      results.add(start(() -> flights.load("k", loader)));
    }
    awaitAllBlocked(THREADS);
    gate.countDown();

    List<Box> boxes = new ArrayList<>();
    for (Future<Box> result : results) {
      boxes.add(result.get(10, TimeUnit.SECONDS));
    }
    assertThat(calls).hasValue(1);
    assertThat(boxes).extracting(box -> box.content).containsOnly("value of k");
    assertThat(boxes.stream().distinct()).hasSize(THREADS); // the loader's object once, copies to the rest
    assertThat(flights.inFlight()).isZero();
  }

  @Test
  void load_loaderThrows_everyWaiterGetsTheFailure_andTheNextLoadRunsAgain() throws Exception {
    SingleFlight<String, Box> flights = new SingleFlight<>(waitingAtMost(Duration.ofSeconds(30)), SingleFlightTest::copy);
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch gate = new CountDownLatch(1);
    IllegalStateException failure = new IllegalStateException("database down");
    Function<String, Box> failing = key -> {
      calls.incrementAndGet();
      pass(gate);
      throw failure;
    };

    List<Future<Box>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(start(() -> flights.load("k", failing)));
    }
    awaitAllBlocked(8);
    gate.countDown();

    for (Future<Box> result : results) {
      assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS)).hasCause(failure);
    }
    assertThat(calls).hasValue(1);
    assertThat(flights.load("k", key -> new Box("recovered")).content).isEqualTo("recovered");
  }

  @Test
  void load_loaderLoadsItsOwnKeyOnTheSameThread_runsAgainInsteadOfWaitingForItself() {
    SingleFlight<String, Box> flights = new SingleFlight<>(waitingAtMost(Duration.ofSeconds(30)), SingleFlightTest::copy);

    Box outer = flights.load("k", key -> new Box("outer:" + flights.load("k", inner -> new Box("inner")).content));

    assertThat(outer.content).isEqualTo("outer:inner");
  }

  @Test
  void load_loaderReadsAnotherKey_runsThatLoadToo() {
    SingleFlight<String, Box> flights = new SingleFlight<>(waitingAtMost(Duration.ofSeconds(30)), SingleFlightTest::copy);

    Box a = flights.load("a", key -> new Box("a+" + flights.load("b", other -> new Box("b")).content));

    assertThat(a.content).isEqualTo("a+b");
  }

  @Test
  void load_flightOutlastsMaxWait_waiterLoadsByItself() throws Exception {
    SingleFlight<String, Box> flights = new SingleFlight<>(waitingAtMost(Duration.ofMillis(50)), SingleFlightTest::copy);
    CountDownLatch gate = new CountDownLatch(1);
    Future<Box> slow = start(() -> flights.load("k", key -> {
      pass(gate);
      return new Box("slow");
    }));
    await().atMost(Duration.ofSeconds(10)).until(() -> flights.inFlight() == 1);

    Box own = flights.load("k", key -> new Box("own"));

    assertThat(own.content).isEqualTo("own");
    gate.countDown();
    assertThat(slow.get(10, TimeUnit.SECONDS).content).isEqualTo("slow");
  }

  @Test
  void load_flightOutlastsMaxWait_onTimeoutFail_throwsCacheLoaderExceptionNamingTheFix() throws Exception {
    SingleFlight<String, Box> flights = new SingleFlight<>(
        new ProtectionSettings(Duration.ofMillis(50), Duration.ofSeconds(30), ProtectionSettings.OnTimeout.FAIL),
        SingleFlightTest::copy);
    CountDownLatch gate = new CountDownLatch(1);
    Future<Box> slow = start(() -> flights.load("k", key -> {
      pass(gate);
      return new Box("slow");
    }));
    await().atMost(Duration.ofSeconds(10)).until(() -> flights.inFlight() == 1);

    assertThatThrownBy(() -> flights.load("k", key -> new Box("own")))
        .isInstanceOf(javax.cache.integration.CacheLoaderException.class)
        .hasMessageContaining("key k")
        .hasMessageContaining("cache.service.protection.max_wait");
    gate.countDown();
    assertThat(slow.get(10, TimeUnit.SECONDS).content).isEqualTo("slow");
  }

  @Test
  void load_waiterInterrupted_throwsLoadInterruptedWithItsFlagSet() throws Exception {
    SingleFlight<String, Box> flights = new SingleFlight<>(waitingAtMost(Duration.ofSeconds(30)), SingleFlightTest::copy);
    CountDownLatch gate = new CountDownLatch(1);
    Future<Box> holder = start(() -> flights.load("k", key -> {
      pass(gate);
      return new Box("held");
    }));
    await().atMost(Duration.ofSeconds(10)).until(() -> flights.inFlight() == 1);

    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> flights.load("k", key -> new Box("never"))).isInstanceOf(LoadInterrupted.class);
    assertThat(Thread.interrupted()).as("the interrupt flag stays set").isTrue();
    gate.countDown();
    assertThat(holder.get(10, TimeUnit.SECONDS).content).isEqualTo("held");
  }

  @Test
  void loadAll_keysInFlightElsewhere_areWaitedFor_theRestLoadedInOneCall() throws Exception {
    SingleFlight<String, Box> flights = new SingleFlight<>(waitingAtMost(Duration.ofSeconds(30)), SingleFlightTest::copy);
    CountDownLatch gate = new CountDownLatch(1);
    Future<Box> other = start(() -> flights.load("a", key -> {
      pass(gate);
      return new Box("a by the other caller");
    }));
    await().atMost(Duration.ofSeconds(10)).until(() -> flights.inFlight() == 1);
    List<Set<String>> batches = new ArrayList<>();

    Future<Map<String, Box>> all = start(() -> flights.loadAll(Set.of("a", "b", "c"), keys -> {
      synchronized (batches) {
        batches.add(Set.copyOf(keys));
      }
      return Map.of("b", new Box("b"), "c", new Box("c"));
    }));
    await().atMost(Duration.ofSeconds(10)).until(() -> !batches.isEmpty());
    gate.countDown();

    assertThat(all.get(10, TimeUnit.SECONDS)).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().content)
        .containsExactlyInAnyOrder("a=a by the other caller", "b=b", "c=c");
    assertThat(batches).containsExactly(Set.of("b", "c"));
    assertThat(other.get(10, TimeUnit.SECONDS).content).isEqualTo("a by the other caller");
  }

  private static void pass(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
