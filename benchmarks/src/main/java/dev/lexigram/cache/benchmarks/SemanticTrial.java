package dev.lexigram.cache.benchmarks;

import static dev.lexigram.cache.benchmarks.SemanticLookups.check;

import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.SemanticCache;
import dev.lexigram.cache.SemanticStatistics;
import dev.lexigram.cache.benchmarks.SemanticReport.Block;
import dev.lexigram.cache.benchmarks.SemanticReport.Row;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

/**
 * One trial of the semantic cache harness: one backend and one size N. A fresh manager on a YAML
 * file of its own (and, for Redis and memcached, a fresh server, memcached with
 * {@value #MEMCACHED_MEGABYTES} MB) stores the N prompts of a {@link SemanticCorpus} from several
 * threads, then the {@link SemanticLookups} run; heap and server memory are read before and after
 * the fill, and on Redis and memcached a second manager opens the cache and probes it again. The
 * result is one {@link Row} of the backend's table.
 */
final class SemanticTrial {

  static final String CACHE = "answers";
  static final long SEED = 0x5E3A_171CL;
  /** memcached's memory: 100,000 records of about 2.2 KB (plus the feed) fit without eviction. */
  static final int MEMCACHED_MEGABYTES = 1024;

  private final String backend;
  private final int size;
  private final int threads;
  private final int probeCount;
  private final int warmup;
  private final Path dir;

  /**
   * @param backend memory, redis or memcached
   * @param lookups timed lookups of each kind, after {@code warmup} untimed ones
   * @param dir where the YAML files and server logs go
   */
  SemanticTrial(String backend, int size, int threads, int lookups, int warmup, Path dir) {
    this.backend = backend;
    this.size = size;
    this.threads = threads;
    this.probeCount = lookups + warmup;
    this.warmup = warmup;
    this.dir = dir;
  }

  /** Loads the model and warms the JIT on a memory manager of its own, before anything is timed. */
  static void warmUp(Path dir) throws Exception {
    URI config = write(dir, "warmup.yaml", yaml(TrialBackend.memory()));
    CachingProvider provider = Caching.getCachingProvider(JCacheCandidate.LEXIGRAM);
    CacheManager manager = provider.getCacheManager(config, provider.getDefaultClassLoader());
    try {
      long begin = System.nanoTime();
      SemanticCache cache = manager.unwrap(LexigramCacheManager.class).semanticCache(CACHE);
      long loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
      SemanticCorpus corpus = new SemanticCorpus(400, SEED ^ 0xFFFF);
      begin = System.nanoTime();
      for (int i = 0; i < corpus.size(); i++) {
        check(cache.store(corpus.prompt(i), corpus.answer(i)), "warm-up store");
      }
      double rate = corpus.size() / ((System.nanoTime() - begin) / 1e9);
      for (int i = 0; i < 200; i++) {
        check(cache.lookup(corpus.paraphrase(i).text()), "warm-up lookup");
        check(cache.lookup(corpus.prompt(i).toUpperCase(Locale.ROOT)), "warm-up lookup");
      }
      System.out.printf("Warm-up: model %s loaded in %d ms (first semanticCache call); %d stores on one thread at "
          + "%.0f embeddings/s%n", cache.modelId(), loadMillis, corpus.size(), rate);
    } finally {
      manager.close();
    }
  }

  /** Runs the trial and returns its row; the manager(s) and the server are closed on return. */
  Row run() throws Exception {
    SemanticCorpus corpus = new SemanticCorpus(size, SEED + size);
    SemanticLookups lookups = new SemanticLookups(corpus, corpus.probes(probeCount), warmup);
    CachingProvider provider = Caching.getCachingProvider(JCacheCandidate.LEXIGRAM);
    try (TrialBackend store = TrialBackend.start(backend, dir, MEMCACHED_MEGABYTES)) {
      if (backend.equals("memcached") && size * 2_600L > (long) MEMCACHED_MEGABYTES << 20) {
        System.out.printf("    note: %,d records of ~2.5 KB exceed memcached's %d MB (-m): expect evictions, so "
            + "exact misses and a partial index in the second manager%n", size, MEMCACHED_MEGABYTES);
      }
      String text = yaml(store);
      URI first = write(dir, backend + "-" + size + "-a.yaml", text);
      URI second = write(dir, backend + "-" + size + "-b.yaml", text);
      Row row = new Row(size);
      CacheManager manager = provider.getCacheManager(first, provider.getDefaultClassLoader());
      try {
        requireSource(manager, first);
        long heapBefore = usedHeapAfterGc();
        long backendBefore = store.usedBytes();
        SemanticCache cache = manager.unwrap(LexigramCacheManager.class).semanticCache(CACHE);

        // fill
        long fillNanos = fill(cache, corpus);
        row.fillRate = size / (fillNanos / 1e9);
        SemanticStatistics afterFill = cache.statistics();
        System.out.printf("    filled %,d in %.1f s: %.0f embeddings/s with %d threads; indexed %,d%n", size,
            fillNanos / 1e9, row.fillRate, threads, afterFill.indexed());

        long heapAfter = usedHeapAfterGc();
        long backendAfter = store.usedBytes();
        row.heapPerEntry = (heapAfter - heapBefore) / (double) size;
        if (backendBefore >= 0 && backendAfter >= 0) {
          row.backendPerEntry = (backendAfter - backendBefore) / (double) size;
        }
        System.out.printf("    heap in use after GC: %,d -> %,d bytes (%.0f per entry)%s%n", heapBefore, heapAfter,
            row.heapPerEntry, row.backendPerEntry == null ? ""
                : String.format("; %s: %,d -> %,d bytes (%.0f per entry)", backend, backendBefore, backendAfter,
                    row.backendPerEntry));

        // the first lookup after the fill, then each kind in a block of its own
        row.firstLookupMillis = lookups.first(cache);
        row.exact = lookups.exact(cache);
        row.semantic = lookups.semantic(cache, "    ");
        row.miss = lookups.miss(cache);

        if (store.isShared()) {
          openSecond(provider, second, corpus.size(), lookups, row);
        }
      } finally {
        manager.close();
      }
      return row;
    }
  }

  /** Stores every prompt of the corpus from {@code threads} threads; returns the nanoseconds it took. */
  private long fill(SemanticCache cache, SemanticCorpus corpus) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    int step = Math.max(1_000, size / 10);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long begin = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
            Result<Void> stored = cache.store(corpus.prompt(i), corpus.answer(i));
            if (stored.isErr()) {
              errors.incrementAndGet();
              firstError.compareAndSet(null, stored.error().toString());
            }
            int n = done.incrementAndGet();
            if (n % step == 0 && n < size) {
              double seconds = (System.nanoTime() - begin) / 1e9;
              System.out.printf("    … %,d stored in %.0f s (%.0f/s)%n", n, seconds, n / seconds);
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long nanos = System.nanoTime() - begin;
    if (errors.get() > 0) {
      throw new IllegalStateException(errors.get() + " of " + size + " stores failed; the first: " + firstError.get());
    }
    return nanos;
  }

  /** Opens a second manager on a copy of the configuration, times its semanticCache call, and probes it. */
  private static void openSecond(CachingProvider provider, URI config, int stored, SemanticLookups lookups, Row row) {
    CacheManager manager = provider.getCacheManager(config, provider.getDefaultClassLoader());
    try {
      requireSource(manager, config);
      long begin = System.nanoTime();
      SemanticCache cache = manager.unwrap(LexigramCacheManager.class).semanticCache(CACHE);
      row.openMillis = (System.nanoTime() - begin) / 1e6;
      long indexed = cache.statistics().indexed();
      System.out.printf("    second manager: semanticCache(\"%s\") took %.0f ms and indexed %,d of %,d%n", CACHE,
          row.openMillis, indexed, stored);
      Block second = lookups.semantic(cache, "    2nd ");
      row.secondHits = second.hits + "/" + second.count();
    } finally {
      manager.close();
    }
  }

  /** A YAML file of one backend with the semantic cache on it. */
  private static String yaml(TrialBackend backend) {
    return "cache:\n  backends:\n" + backend.yaml() + "  semantic:\n    " + CACHE + ": { backend: " + backend.name()
        + " }\n";
  }

  private static URI write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toUri();
  }

  private static void requireSource(CacheManager manager, URI config) {
    String source = manager.unwrap(LexigramCacheManager.class).configurationSource();
    if (!source.contains(config.getPath())) {
      throw new IllegalStateException("The manager read its configuration from " + source + ", not from " + config);
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
