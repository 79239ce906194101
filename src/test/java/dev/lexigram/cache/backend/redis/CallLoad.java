package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import javax.cache.Cache;
import javax.cache.CacheException;

/**
 * Threads that call a cache in a loop, through the standard API ({@code get}, {@code put}) and the
 * extension API ({@code get}, {@code putAsync}) in turn, and judge every call that starts and ends
 * while the server is down: a standard call must throw a {@link CacheException} whose message names
 * the backend and the cause and carries no stack trace; an extension call must return
 * {@code Err(CONNECTION or TIMEOUT)}. Anything else is recorded as a violation.
 */
final class CallLoad implements AutoCloseable {

  enum Phase { UP, OUTAGE, RECOVERY }

  private static final Set<CacheError.Kind> OUTAGE_KINDS = Set.of(CacheError.Kind.CONNECTION, CacheError.Kind.TIMEOUT);

  private final Cache<String, String> cache;
  private final LexigramCache<String, String> extension;
  private final String backendName;
  private final Duration callLimit;
  private final ExecutorService threads;
  private final List<Future<?>> loops = new ArrayList<>();
  private volatile Phase phase = Phase.UP;
  private volatile boolean running = true;
  private final AtomicLong successes = new AtomicLong();
  private final AtomicLong outageStandardFailures = new AtomicLong();
  private final AtomicLong outageExtensionErrors = new AtomicLong();
  private final LongAccumulator longestOutageCallNanos = new LongAccumulator(Math::max, 0);
  private final Queue<String> violations = new ConcurrentLinkedQueue<>();

  /** @param callLimit how long an async extension call is awaited before it counts as hanging */
  CallLoad(int threadCount, Cache<String, String> cache, String backendName, Duration callLimit) {
    this.cache = cache;
    @SuppressWarnings("unchecked")
    LexigramCache<String, String> extension = cache.unwrap(LexigramCache.class);
    this.extension = extension;
    this.backendName = backendName;
    this.callLimit = callLimit;
    this.threads = Executors.newFixedThreadPool(threadCount);
    for (int i = 0; i < threadCount; i++) {
      int thread = i;
      loops.add(threads.submit(() -> loop(thread)));
    }
  }

  void enter(Phase next) {
    phase = next;
  }

  long successes() {
    return successes.get();
  }

  long outageStandardFailures() {
    return outageStandardFailures.get();
  }

  long outageExtensionErrors() {
    return outageExtensionErrors.get();
  }

  Duration longestOutageCall() {
    return Duration.ofNanos(longestOutageCallNanos.get());
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  /** How one call ended: succeeded, or failed (the way an outage allows, unless {@code violation} says otherwise). */
  private record Outcome(boolean succeeded, boolean standard, String violation) {}

  private void loop(int thread) {
    for (long i = 0; running; i++) {
      String key = "k" + thread + ":" + (i % 50);
      int operation = (int) (i % 4);
      Phase atStart = phase;
      long start = System.nanoTime();
      Outcome outcome = operation < 2 ? standardCall(operation, key) : extensionCall(operation, key);
      long took = System.nanoTime() - start;
      if (outcome.succeeded()) {
        successes.incrementAndGet();
      }
      if (atStart == Phase.OUTAGE && phase == Phase.OUTAGE) {
        judge(outcome, took);
      }
    }
  }

  private void judge(Outcome outcome, long tookNanos) {
    longestOutageCallNanos.accumulate(tookNanos);
    if (outcome.succeeded()) {
      violations.add((outcome.standard() ? "standard" : "extension") + " call succeeded while the server was down");
    } else if (outcome.violation() != null) {
      violations.add(outcome.violation());
    } else {
      (outcome.standard() ? outageStandardFailures : outageExtensionErrors).incrementAndGet();
    }
  }

  private Outcome standardCall(int operation, String key) {
    try {
      if (operation == 0) {
        cache.get(key);
      } else {
        cache.put(key, "v");
      }
      return new Outcome(true, true, null);
    } catch (CacheException e) {
      return new Outcome(false, true, violationIn(e));
    } catch (RuntimeException e) {
      return new Outcome(false, true, "standard call threw " + e.getClass().getName() + ": " + e.getMessage());
    }
  }

  /** Returns why the exception breaks the outage contract, or null. */
  private String violationIn(CacheException e) {
    String message = String.valueOf(e.getMessage());
    if (e.getClass().getName().startsWith("io.lettuce")) {
      return "a Lettuce type reached the caller: " + e.getClass().getName();
    }
    if (!message.contains("'" + backendName + "'") || !(message.contains("CONNECTION") || message.contains("TIMEOUT"))) {
      return "message does not name the backend and the cause: " + message;
    }
    if (message.contains("\tat ") || message.contains("io.lettuce.")) {
      return "message carries a stack trace or a Lettuce type: " + message;
    }
    return null;
  }

  private Outcome extensionCall(int operation, String key) {
    Result<?> result;
    try {
      result = operation == 2
          ? extension.get(key)
          : extension.putAsync(key, "v").toCompletableFuture().get(callLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return new Outcome(false, false, "extension call threw or hung: " + e);
    }
    if (result.isOk()) {
      return new Outcome(true, false, null);
    }
    CacheError error = result.error();
    return new Outcome(false, false, OUTAGE_KINDS.contains(error.kind()) ? null : "extension call failed with " + error);
  }

  @Override
  public void close() throws Exception {
    running = false;
    for (Future<?> loop : loops) {
      loop.get(30, TimeUnit.SECONDS);
    }
    threads.shutdown();
  }
}
