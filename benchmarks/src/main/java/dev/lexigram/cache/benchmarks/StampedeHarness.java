package dev.lexigram.cache.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
import javax.cache.spi.CachingProvider;

/**
 * The cache stampede, measured through the standard JCache API only: {@value #PROCESSES} JVMs of
 * {@value #THREADS} threads each read the same {@value #KEY_COUNT} cold keys of a read-through
 * cache at one instant (released together once every JVM is ready), with a {@value #LOAD_MILLIS} ms
 * loader. Prints, per candidate, the loader calls per key (summed over the JVMs) and the read
 * latency (median, p99, max over every read). A harness, not a JMH benchmark: the quantity is a
 * count, and one stampede is one sample.
 *
 * <pre>
 *   java -cp benchmarks.jar dev.lexigram.cache.benchmarks.StampedeHarness [candidate ...]
 * </pre>
 * Candidates: lexigram-memory, caffeine-jcache, lexigram-redis, redisson-jcache, lexigram-memcached
 * (all by default). Redis and memcached candidates start their own server on a free loopback port.
 */
public final class StampedeHarness {

  static final int PROCESSES = 3;
  static final int THREADS = 32;
  static final int KEY_COUNT = 4;
  static final long LOAD_MILLIS = 300;
  static final List<String> ALL = List.of("lexigram-memory", "caffeine-jcache", "lexigram-redis", "redisson-jcache",
      "lexigram-memcached");
  private static final String CAFFEINE = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

  private StampedeHarness() {}

  public static void main(String[] args) throws Exception {
    List<String> candidates = args.length == 0 ? ALL : Arrays.asList(args);
    Path dir = Files.createTempDirectory("lexigram-stampede-");
    List<String> rows = new ArrayList<>();
    for (String candidate : candidates) {
      rows.add(run(candidate, dir));
    }
    System.out.println();
    System.out.println("Stampede: " + PROCESSES + " JVMs x " + THREADS + " threads read the same " + KEY_COUNT
        + " cold keys at one instant; loader " + LOAD_MILLIS + " ms");
    System.out.printf("%-20s %-34s %10s %10s %10s%n", "candidate", "loader calls per key", "p50 ms", "p99 ms", "max ms");
    rows.forEach(System.out::println);
  }

  private static String run(String candidate, Path dir) throws Exception {
    LocalServer server = null;
    try {
      String provider;
      String config;
      switch (candidate) {
        case "lexigram-memory" -> {
          provider = JCacheCandidate.LEXIGRAM;
          config = write(dir, "memory.yaml", "cache:\n  backends:\n    - name: local\n      type: memory\n");
        }
        case "caffeine-jcache" -> {
          provider = CAFFEINE;
          config = "-";
        }
        case "lexigram-redis" -> {
          server = LocalServer.redis(dir);
          provider = JCacheCandidate.LEXIGRAM;
          config = write(dir, "redis.yaml", "cache:\n  backends:\n    - name: shared\n      type: redis\n      url: redis://"
              + server.address() + "\n");
        }
        case "redisson-jcache" -> {
          server = LocalServer.redis(dir);
          provider = RemoteJCacheCandidate.REDISSON;
          config = write(dir, "redisson.yaml", "singleServerConfig:\n  address: \"redis://" + server.address() + "\"\n");
        }
        case "lexigram-memcached" -> {
          server = LocalServer.memcached(dir);
          provider = JCacheCandidate.LEXIGRAM;
          config = write(dir, "memcached.yaml", "cache:\n  backends:\n    - name: shared\n      type: memcached\n"
              + "      servers: [\"" + server.address() + "\"]\n");
        }
        default -> throw new IllegalArgumentException("Unknown candidate '" + candidate + "'; use some of " + ALL);
      }
      return stampede(candidate, provider, config);
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private static String write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toUri().toString();
  }

  private static String stampede(String candidate, String provider, String config) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Process> processes = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    try {
      for (int i = 0; i < PROCESSES; i++) {
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
            Worker.class.getName(), provider, config).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        outputs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (BufferedReader output : outputs) {
        for (String line = output.readLine(); !"READY".equals(line); line = output.readLine()) {
          if (line == null) {
            throw new IllegalStateException(candidate + ": a worker ended before it was ready");
          }
        }
      }
      for (Process process : processes) {
        OutputStream in = process.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      Map<String, Integer> calls = new java.util.TreeMap<>();
      List<Long> micros = new ArrayList<>();
      for (BufferedReader output : outputs) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          String[] parts = line.split(" ");
          if (parts[0].equals("calls")) {
            calls.merge(parts[1], Integer.parseInt(parts[2]), Integer::sum);
          } else if (parts[0].equals("latency")) {
            Arrays.stream(parts).skip(1).map(Long::valueOf).forEach(micros::add);
          }
        }
      }
      for (Process process : processes) {
        process.waitFor(60, TimeUnit.SECONDS);
      }
      micros.sort(null);
      return String.format("%-20s %-34s %10.1f %10.1f %10.1f", candidate, calls, percentile(micros, 0.50),
          percentile(micros, 0.99), micros.isEmpty() ? 0.0 : micros.get(micros.size() - 1) / 1000.0);
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1000.0;
  }

  /** A loader that takes its time, as a database query does, and counts its calls in this JVM. */
  public static final class SlowLoader implements CacheLoader<String, String> {
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public String load(String key) {
      CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS));
      return "value of " + key;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      Map<String, String> loaded = new HashMap<>();
      keys.forEach(key -> loaded.put(key, load(key)));
      return loaded;
    }
  }

  /** One JVM of the stampede: {@code <provider class> <config URI or ->}. */
  public static final class Worker {

    private Worker() {}

    public static void main(String[] args) throws Exception {
      CachingProvider provider = Caching.getCachingProvider(args[0]);
      CacheManager manager = args[1].equals("-") ? provider.getCacheManager()
          : provider.getCacheManager(URI.create(args[1]), provider.getDefaultClassLoader());
      Cache<String, String> cache = manager.createCache("stampede", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class)
          .setReadThrough(true)
          .setCacheLoaderFactory(FactoryBuilder.factoryOf(SlowLoader.class)));
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> reads = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        String key = "key-" + (i % KEY_COUNT);
        reads.add(pool.submit(() -> {
          start.await();
          long begin = System.nanoTime();
          String value = cache.get(key);
          long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - begin);
          if (!("value of " + key).equals(value)) {
            throw new IllegalStateException("read " + value + " for " + key);
          }
          return micros;
        }));
      }
      System.out.println("READY");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      start.countDown();
      StringBuilder latency = new StringBuilder("latency");
      for (Future<Long> read : reads) {
        latency.append(' ').append(read.get(120, TimeUnit.SECONDS));
      }
      for (int i = 0; i < KEY_COUNT; i++) {
        String key = "key-" + i;
        System.out.println("calls " + key + " " + SlowLoader.CALLS.getOrDefault(key, new AtomicInteger()).get());
      }
      System.out.println(latency);
      pool.shutdownNow();
      manager.close();
      System.exit(0);
    }
  }
}
