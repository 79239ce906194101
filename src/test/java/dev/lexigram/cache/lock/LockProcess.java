package dev.lexigram.cache.lock;

import dev.lexigram.cache.CacheBackend;
import dev.lexigram.cache.DistributedLock;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.LockLease;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheManager;
import javax.cache.Caching;

/**
 * The other process of {@link LockAcrossProcesses}, through the public API only.
 * <ul>
 *   <li>{@code count <config> <lock> <counter> <rounds>}: 16 threads, each {@code rounds} times:
 *       take the lock, read the counter through the backend, write it plus one, release; prints
 *       {@code tokens t1,t2,…} and {@code done}.
 *   <li>{@code hold <config> <lock> <leaseMillis>}: takes the lock, prints {@code token N}, waits for
 *       a line on standard input, then prints {@code extend <bool>} and {@code release <bool>}.
 * </ul>
 */
public final class LockProcess {

  private LockProcess() {}

  public static void main(String[] args) throws Exception {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create(args[1]),
        LockProcess.class.getClassLoader());
    LexigramCacheManager lexigram = manager.unwrap(LexigramCacheManager.class);
    DistributedLock lock = lexigram.lock(args[2]);
    if (args[0].equals("count")) {
      count(lexigram.backend("shared"), lock, args[3], Integer.parseInt(args[4]));
    } else {
      hold(lock, Long.parseLong(args[3]));
    }
    manager.close();
  }

  static List<Long> count(CacheBackend backend, DistributedLock lock, String counter, int rounds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Long> tokens = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      workers.add(pool.submit(() -> {
        for (int i = 0; i < rounds; i++) {
          try (LockLease lease = lock.tryAcquire(Duration.ofSeconds(60), Duration.ofSeconds(30)).unwrap().orElseThrow()) {
            tokens.add(lease.fencingToken());
            long value = (Long) backend.get(counter).unwrap().orElseThrow();
            backend.set(counter, value + 1).unwrap();
          }
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    System.out.println("tokens " + String.join(",", tokens.stream().map(String::valueOf).toList()));
    System.out.println("done");
    return tokens;
  }

  private static void hold(DistributedLock lock, long leaseMillis) throws Exception {
    LockLease lease = lock.tryAcquire(Duration.ofSeconds(10), Duration.ofMillis(leaseMillis)).unwrap().orElseThrow();
    System.out.println("token " + lease.fencingToken());
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    System.out.println("extend " + lease.extend(Duration.ofSeconds(30)).unwrap());
    System.out.println("release " + lease.release().unwrap());
  }
}
