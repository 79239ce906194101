package dev.lexigram.cache.backend.memcached;

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
 * Threads that call one cache in a loop over keys of two groups, those on a server that will be
 * stopped ("down" keys) and those on the others ("up" keys), through the standard API
 * ({@code get}, {@code put}) and the extension API ({@code get}, {@code putAsync}) in turn. While
 * the server is down, every call on a down key must fail, a standard call with a
 * {@link CacheException} naming the backend and CONNECTION or TIMEOUT, an extension call with
 * {@code Err(CONNECTION|TIMEOUT)}, and every call on an up key must succeed; anything else is
 * recorded as a violation.
 */
final class ShardLoad implements AutoCloseable {

  private static final Set<CacheError.Kind> OUTAGE_KINDS = Set.of(CacheError.Kind.CONNECTION, CacheError.Kind.TIMEOUT);

  private final Cache<String, String> cache;
  private final LexigramCache<String, String> extension;
  private final List<String> downKeys;
  private final List<String> upKeys;
  private final String backendName;
  private final Duration callLimit;
  private final ExecutorService threads;
  private final List<Future<?>> loops = new ArrayList<>();
  private volatile boolean outage;
  private volatile boolean running = true;
  private final AtomicLong upSuccesses = new AtomicLong();
  private final AtomicLong downSuccesses = new AtomicLong();
  private final AtomicLong outageFailures = new AtomicLong();
  private final LongAccumulator longestFailingNanos = new LongAccumulator(Math::max, 0);
  private final Queue<String> violations = new ConcurrentLinkedQueue<>();

  ShardLoad(int threadCount, Cache<String, String> cache, List<String> downKeys, List<String> upKeys,
      String backendName, Duration callLimit) {
    this.cache = cache;
    @SuppressWarnings("unchecked")
    LexigramCache<String, String> extension = cache.unwrap(LexigramCache.class);
    this.extension = extension;
    this.downKeys = List.copyOf(downKeys);
    this.upKeys = List.copyOf(upKeys);
    this.backendName = backendName;
    this.callLimit = callLimit;
    this.threads = Executors.newFixedThreadPool(threadCount);
    for (int i = 0; i < threadCount; i++) {
      int thread = i;
      loops.add(threads.submit(() -> loop(thread)));
    }
  }

  void outage(boolean down) {
    outage = down;
  }

  long upSuccesses() {
    return upSuccesses.get();
  }

  long downSuccesses() {
    return downSuccesses.get();
  }

  long outageFailures() {
    return outageFailures.get();
  }

  Duration longestFailingCall() {
    return Duration.ofNanos(longestFailingNanos.get());
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  private void loop(int thread) {
    for (long i = thread; running; i++) {
      boolean down = i % 2 == 0;
      List<String> keys = down ? downKeys : upKeys;
      String key = keys.get((int) ((i / 2) % keys.size()));
      int operation = (int) ((i / 2) % 4);
      boolean outageAtStart = outage;
      long start = System.nanoTime();
      String failure = operation < 2 ? standardCall(operation, key) : extensionCall(operation, key);
      long took = System.nanoTime() - start;
      if (failure == null) {
        (down ? downSuccesses : upSuccesses).incrementAndGet();
      }
      if (outageAtStart && outage) {
        judge(down, failure, took);
      }
    }
  }

  private void judge(boolean down, String failure, long tookNanos) {
    if (!down) {
      if (failure != null) {
        violations.add("call on a key of a running server failed: " + failure);
      }
      return;
    }
    longestFailingNanos.accumulate(tookNanos);
    if (failure == null) {
      violations.add("call on a key of the stopped server succeeded");
    } else if (!failure.isEmpty()) {
      violations.add(failure);
    } else {
      outageFailures.incrementAndGet();
    }
  }

  /** Returns null on success, "" for a failure an outage allows, else what was wrong. */
  private String standardCall(int operation, String key) {
    try {
      if (operation == 0) {
        cache.get(key);
      } else {
        cache.put(key, "v");
      }
      return null;
    } catch (CacheException e) {
      String message = String.valueOf(e.getMessage());
      boolean clear = message.contains("'" + backendName + "'")
          && (message.contains("CONNECTION") || message.contains("TIMEOUT"))
          && !message.contains("net.spy.");
      return clear ? "" : "unclear CacheException: " + message;
    } catch (RuntimeException e) {
      return "standard call threw " + e;
    }
  }

  private String extensionCall(int operation, String key) {
    Result<?> result;
    try {
      result = operation == 2
          ? extension.get(key)
          : extension.putAsync(key, "v").toCompletableFuture().get(callLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return "extension call threw or hung: " + e;
    }
    if (result.isOk()) {
      return null;
    }
    return OUTAGE_KINDS.contains(result.error().kind()) ? "" : "extension call failed with " + result.error();
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
