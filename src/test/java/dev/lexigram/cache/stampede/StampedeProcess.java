package dev.lexigram.cache.stampede;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;

/**
 * One process of {@link MultiProcessStampede}: opens the configuration named by {@code args[0]}
 * through the standard API, prints {@code READY}, waits for a line on standard input, then reads
 * the same cold keys of a read-through cache from {@value #THREADS} threads at once, with a loader
 * that takes {@value #LOAD_MILLIS} ms. Prints {@code calls <key> <n>} per key, {@code values <n>}
 * (readers that got the right value) and {@code failures <n>}.
 */
public final class StampedeProcess {

  static final int THREADS = 32;
  static final long LOAD_MILLIS = 300;
  static final List<String> KEYS = List.of("k0", "k1", "k2", "k3");
  static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  /** A loader that takes its time, as a database query does, and counts its calls. */
  public static final class SlowLoader implements CacheLoader<String, String> {
    @Override
    public String load(String key) {
      CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS)); // the work of a slow query
      return "loaded:" + key;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      Map<String, String> loaded = new java.util.HashMap<>();
      keys.forEach(key -> loaded.put(key, load(key)));
      return loaded;
    }
  }

  private StampedeProcess() {}

  public static void main(String[] args) throws Exception {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create(args[0]),
        StampedeProcess.class.getClassLoader());
    Cache<String, String> cache = manager.createCache(args[1], new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(SlowLoader.class)));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> reads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      String key = KEYS.get(i % KEYS.size());
      reads.add(pool.submit(() -> {
        start.await();
        return ("loaded:" + key).equals(cache.get(key));
      }));
    }
    System.out.println("READY");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    start.countDown();
    int values = 0;
    int failures = 0;
    for (Future<Boolean> read : reads) {
      try {
        values += read.get(60, TimeUnit.SECONDS) ? 1 : 0;
      } catch (Exception e) {
        failures++;
        e.printStackTrace();
      }
    }
    KEYS.forEach(key -> System.out.println("calls " + key + " " + CALLS.getOrDefault(key, new AtomicInteger()).get()));
    System.out.println("values " + values);
    System.out.println("failures " + failures);
    pool.shutdownNow();
    manager.close();
  }
}
