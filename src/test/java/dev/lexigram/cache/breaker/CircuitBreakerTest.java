package dev.lexigram.cache.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.backend.memory.MemoryStores;
import dev.lexigram.cache.config.CircuitBreakerSettings;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreEvictionListener;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The breaker's states over a store whose failures the test chooses. */
class CircuitBreakerTest {

  /** null: the store answers; else every call throws a failure of this kind. */
  private final AtomicReference<Kind> failing = new AtomicReference<>();
  private final AtomicInteger reached = new AtomicInteger();
  private final Store memory = MemoryStores.create(null, Clock.systemUTC(), StoreEvictionListener.ignoring(), false);
  private final CircuitBreaker breaker = new CircuitBreaker("shared", new CircuitBreakerSettings(true, 3,
      Duration.ofMillis(200)));
  private final Store store = new BreakingStore(failingStore(), breaker);

  private Store failingStore() {
    return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
        (proxy, method, args) -> {
          reached.incrementAndGet();
          Kind kind = failing.get();
          if (kind != null) {
            throw new StoreException(kind, "the server says no (" + kind + ")");
          }
          return method.invoke(memory, args);
        });
  }

  private void failTimes(int times) {
    for (int i = 0; i < times; i++) {
      assertThatThrownBy(() -> store.get("k")).isInstanceOf(StoreException.class);
    }
  }

  @Test
  void thresholdConsecutiveConnectionFailures_openIt_andThenCallsFailAtOnce() {
    failing.set(Kind.CONNECTION);
    failTimes(3);
    int reachedWhenOpened = reached.get();

    assertThatThrownBy(() -> store.put("k", "v", StoreEntry.ETERNAL))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Backend 'shared': put was not sent: the circuit breaker is open since")
        .hasMessageContaining("next probe at")
        .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(Kind.CONNECTION));
    assertThat(reached.get()).as("nothing reached the store").isEqualTo(reachedWhenOpened);
    assertThat(breaker.isOpen()).isTrue();
    assertThat(breaker.rejectedCalls()).isEqualTo(1);
  }

  @Test
  void timeoutsCount_butAnswersOfOtherKindsResetTheCount() {
    failing.set(Kind.TIMEOUT);
    failTimes(2);
    failing.set(Kind.CAPACITY); // the server answered: it is reachable
    failTimes(1);
    failing.set(Kind.TIMEOUT);
    failTimes(2);

    assertThat(breaker.isOpen()).isFalse();
    failTimes(1);
    assertThat(breaker.isOpen()).isTrue();
  }

  @Test
  void afterResetAfter_oneProbePasses_aFailedProbeReopens_aSuccessfulOneCloses() {
    failing.set(Kind.CONNECTION);
    failTimes(3);
    await().atMost(Duration.ofSeconds(2)).until(() -> {
      int before = reached.get();
      try {
        store.get("k");
      } catch (StoreException e) {
        // refused, or the failed probe
      }
      return reached.get() > before;
    });
    assertThat(breaker.probes()).isEqualTo(1);
    assertThat(breaker.isOpen()).as("the probe failed").isTrue();

    failing.set(null);
    await().atMost(Duration.ofSeconds(2)).ignoreExceptions().until(() -> store.get("k") == null);
    assertThat(breaker.isOpen()).isFalse();
    store.put("k", "v", StoreEntry.ETERNAL);
    assertThat(store.get("k").value()).isEqualTo("v");
  }

  @Test
  void probeNow_letsTheNextCallProbeWithoutWaiting() {
    CircuitBreaker slow = new CircuitBreaker("shared", new CircuitBreakerSettings(true, 1, Duration.ofHours(1)));
    Store guarded = new BreakingStore(failingStore(), slow);
    failing.set(Kind.CONNECTION);
    assertThatThrownBy(() -> guarded.get("k")).isInstanceOf(StoreException.class);
    failing.set(null);
    assertThatThrownBy(() -> guarded.get("k")).hasMessageContaining("circuit breaker is open");

    slow.probeNow(); // the client reconnected

    assertThat(guarded.get("k")).isNull();
    assertThat(slow.isOpen()).isFalse();
  }

  @Test
  void callsInFlightWhenItOpened_neitherFailTheProbe_norReopenItAfterItClosed() {
    StoreException unreachable = new StoreException(Kind.TIMEOUT, "timed out");
    long[] inFlight = new long[10];
    for (int i = 0; i < inFlight.length; i++) {
      inFlight[i] = breaker.pass(); // a hung server: ten calls waiting
    }
    for (int i = 0; i < 3; i++) {
      breaker.record(inFlight[i], unreachable);
    }
    assertThat(breaker.isOpen()).isTrue();
    breaker.probeNow();
    long probe = breaker.pass();
    assertThat(probe).isNotEqualTo(CircuitBreaker.REFUSED);
    assertThat(breaker.pass()).as("one probe at a time").isEqualTo(CircuitBreaker.REFUSED);

    breaker.record(inFlight[3], unreachable); // an old call times out while the probe is out
    assertThat(breaker.isOpen()).isTrue();
    breaker.record(probe, null);
    assertThat(breaker.isOpen()).isFalse();
    for (int i = 4; i < inFlight.length; i++) {
      breaker.record(inFlight[i], unreachable); // the rest time out after the server came back
    }

    assertThat(breaker.isOpen()).isFalse();
    assertThat(breaker.openings()).isEqualTo(1);
  }

  @Test
  void anAsyncCall_isJudgedWhenItCompletes() {
    Executor direct = Runnable::run;
    failing.set(Kind.CONNECTION);
    for (int i = 0; i < 3; i++) {
      // the test's store throws at sending; a remote one fails the stage: both are judged
      assertThat(org.assertj.core.api.Assertions.catchThrowable(
          () -> store.getAsync("k", direct).toCompletableFuture().join())).isNotNull();
    }

    assertThatThrownBy(() -> store.getAsync("k", direct).toCompletableFuture().join())
        .hasMessageContaining("circuit breaker is open");
  }
}
