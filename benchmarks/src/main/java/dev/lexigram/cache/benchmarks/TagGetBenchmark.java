package dev.lexigram.cache.benchmarks;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.LexigramConfiguration;
import dev.lexigram.cache.WriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cost of tags on a read: the standard {@code javax.cache.Cache.get} (100% hits) of entries
 * written with {@value #TAG_COUNT} tags ({@code <backend>-tagged}) beside the same get of entries
 * written without tags ({@code <backend>-untagged}), on lexigram-cache's memory, Redis and memcached
 * backends. A get of a tagged entry compares the versions the entry recorded with the tags' current
 * ones, which the process keeps for {@code tag_staleness} (100 ms by default) on Redis and memcached
 * and for as long as it lives on memory; the target is that a tagged get keeps at least 80% of
 * the untagged get's throughput ({@code tagged / untagged >= 0.8x} per backend and thread count).
 *
 * <p>A third variant, {@code <backend>-ttl}, writes the entries without tags but with a
 * time-to-live of a day ({@code WriteOptions.ttl}): a control, not part of the target. The memory
 * backend holds an eternal untagged entry as its bare value, an eternal tagged one as a {@code
 * MarkedEntry} (value, meta, and the mark a read compares with the tag epoch), and an entry with
 * an expiry in a {@code StoreEntry} that a read checks against the clock; {@code memory-ttl}
 * takes that third path, so {@code memory-tagged / memory-ttl} is what the tagged layout saves
 * over an entry object checked against the clock, and {@code memory-ttl / memory-untagged} the
 * cost of that entry object. Only {@code memory-ttl} is a default candidate ({@code redis-ttl} and
 * {@code memcached-ttl} run when named: their entries are records either way).
 *
 * <p>Memory candidates use lexigram's built-in default configuration (one memory backend,
 * {@code default}) on a manager of their own, and read by reference, so the check is measured
 * against the cheapest get there is. Redis and memcached candidates start their server as the
 * remote benchmarks do ({@link LocalServer}, a free loopback port, stopped by its handle) and read
 * a YAML file naming only that backend (and the {@code java} serializer, as {@link RedisBenchmark}
 * and {@link MemcachedBenchmark} do): no {@code tags} and no {@code tag_staleness}, so the
 * defaults apply. Every candidate makes its cache {@code bench} with {@code createCache} (typed
 * {@code String}/{@code byte[]}, statistics and management off, eternal expiry; by value on the
 * remote backends, the only mode they offer), and the trial fails unless it landed on the backend
 * it names.
 *
 * <p>Data and key walk are the remote benchmarks' ({@link RemoteWorkload}, {@link RemoteCursor}):
 * {@value RemoteWorkload#KEY_COUNT} String keys with {@value RemoteWorkload#VALUE_SIZE}-byte
 * values, preloaded and checked through the candidate (a tagged candidate writes every entry
 * with {@code LexigramCache.put(key, value, WriteOptions.tagged(...))}, every entry carrying the
 * same {@value #TAG_COUNT} tags), each thread walking the shuffled keys from its own random start.
 * The tear-down, before it closes anything, invalidates the first tag and checks that every
 * tagged candidate's entries now read as absent and every other candidate's still read back: a
 * trial whose entries did not carry the tags (or carried one they should not) fails. Each get
 * runs at 1 and 8 threads (one method each); {@code RatioReport} prints the table and the tagged /
 * untagged ratios.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// spymemcached logs to stderr unless told otherwise: through SLF4J, which has no provider here, so quiet
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dnet.spy.log.LoggerImpl=net.spy.memcached.compat.log.SLF4JLogger"})
@State(Scope.Benchmark)
public class TagGetBenchmark {

  /** The tags every entry of a tagged candidate carries. */
  static final String[] TAGS = {"catalog", "brand:acme", "region:eu"};
  /** The length of {@link #TAGS}, as a constant for the Javadoc. */
  static final int TAG_COUNT = 3;

  /** The time-to-live of the {@code <backend>-ttl} control's entries: longer than any trial. */
  static final Duration CONTROL_TTL = Duration.ofDays(1);

  @Param({"memory-untagged", "memory-ttl", "memory-tagged", "redis-untagged", "redis-tagged", "memcached-untagged",
      "memcached-tagged"})
  public String candidate;

  private RemoteWorkload workload;
  private TagTrial trial;
  private Cache<String, byte[]> cache;

  @Setup(Level.Trial)
  public void setUp() {
    int dash = candidate.lastIndexOf('-');
    String variant = dash < 0 ? "" : candidate.substring(dash + 1);
    WriteOptions options;
    switch (variant) {
      case "untagged":
        options = null;
        break;
      case "ttl":
        options = WriteOptions.ttl(CONTROL_TTL);
        break;
      case "tagged":
        options = WriteOptions.tagged(TAGS);
        break;
      default:
        throw new IllegalArgumentException("Unknown candidate '" + candidate + "'; use <backend>-untagged, "
            + "<backend>-tagged or <backend>-ttl, backend one of memory, redis, memcached");
    }
    workload = new RemoteWorkload();
    trial = TagTrial.open(candidate.substring(0, dash));
    try {
      workload.preloadAndVerify(candidate, new Writer(trial.cache(), options));
      cache = trial.cache();
      System.gc(); // a settled heap, as in MemoryGetPutBenchmark#setUp
    } catch (RuntimeException | Error e) {
      tearDown();
      throw e;
    }
  }

  /**
   * Invalidates the first tag, checks that the entries carried the tags (or carried none), and
   * closes the trial whatever the check found.
   */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (trial == null) {
      return;
    }
    try {
      if (cache != null) {
        checkTagsCarried();
      }
    } finally {
      trial.close(); // the manager, then exactly the server this trial started
      trial = null;
      cache = null;
    }
  }

  private void checkTagsCarried() {
    trial.manager().invalidateTags(TAGS[0]).unwrap();
    boolean tagged = candidate.endsWith("-tagged");
    for (int i = 0; i < RemoteWorkload.KEY_COUNT; i++) {
      byte[] stored = cache.get(workload.keys[i]);
      if (tagged ? stored != null : stored == null) {
        throw new IllegalStateException(candidate + ": key '" + workload.keys[i] + "' reads "
            + (tagged ? "back" : "as absent") + " after invalidateTags(\"" + TAGS[0] + "\"): the entries "
            + (tagged ? "did not carry the tags" : "carried a tag") + ", so the numbers measure the wrong thing");
      }
    }
  }

  @Benchmark
  @Threads(1)
  public byte[] get_1thread(RemoteCursor cursor) {
    return cache.get(workload.keys[cursor.nextKey()]);
  }

  @Benchmark
  @Threads(8)
  public byte[] get_8threads(RemoteCursor cursor) {
    return cache.get(workload.keys[cursor.nextKey()]);
  }

  /**
   * The preload's view of the cache: the standard {@code put}, or the extension's {@code put} with
   * write options, and the standard {@code get} and {@code getAll} for the check.
   */
  private static final class Writer implements RemoteCandidate {
    private final Cache<String, byte[]> cache;
    private final LexigramCache<String, byte[]> extension;
    private final WriteOptions options;

    /** @param options the options of every put; null for the standard {@code Cache.put} */
    @SuppressWarnings("unchecked")
    Writer(Cache<String, byte[]> cache, WriteOptions options) {
      this.cache = cache;
      this.extension = cache.unwrap(LexigramCache.class);
      this.options = options;
    }

    @Override
    public byte[] get(String key) {
      return cache.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
      if (options == null) {
        cache.put(key, value);
      } else {
        extension.put(key, value, options).unwrap();
      }
    }

    @Override
    public Map<String, byte[]> getAll(KeyGroup group) {
      return cache.getAll(group.set());
    }

    @Override
    public void close() {
      // the trial closes the cache with its manager
    }
  }

  /**
   * What one trial of the tag benchmarks owns: for a remote backend a temporary directory (the
   * configuration file, the server's log) and the server started there, and a lexigram manager
   * with the cache {@value #CACHE_NAME} on the backend. {@link #close} undoes all of it, the
   * server last. {@link TagInvalidateBenchmark} opens its trials here too.
   */
  static final class TagTrial implements AutoCloseable {

    static final String CACHE_NAME = "bench";
    /** The built-in configuration's one memory backend. */
    static final String MEMORY_BACKEND = "default";

    private final Path dir;
    private final LocalServer server;
    private CacheManager manager;
    private Cache<String, byte[]> cache;

    private TagTrial(Path dir, LocalServer server) {
      this.dir = dir;
      this.server = server;
    }

    /**
     * Starts the backend's server (none for memory), opens a lexigram manager on it and creates
     * the cache; on any failure stops what it had started and rethrows.
     *
     * @param backend memory, redis or memcached
     */
    static TagTrial open(String backend) {
      switch (backend) {
        case "memory": {
          TagTrial trial = new TagTrial(null, null);
          try {
            trial.openCache(URI.create("lexigram:bench-tags"), "built-in default", MEMORY_BACKEND, false);
            return trial;
          } catch (RuntimeException | Error e) {
            trial.close();
            throw e;
          }
        }
        case "redis":
          return openRemote(backend, LocalServer::redis, server -> String.join("\n",
              "      type: redis",
              "      url: redis://" + server.address()));
        case "memcached":
          return openRemote(backend, LocalServer::memcached, server -> String.join("\n",
              "      type: memcached",
              "      servers: [\"" + server.address() + "\"]"));
        default:
          throw new IllegalArgumentException("Unknown backend '" + backend + "'; use one of memory, redis, memcached");
      }
    }

    private static TagTrial openRemote(String backend, Function<Path, LocalServer> startServer,
        Function<LocalServer, String> backendLines) {
      Path dir;
      try {
        dir = Files.createTempDirectory("lexigram-bench-tags-" + backend);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      TagTrial trial = null;
      LocalServer server = null;
      try {
        server = startServer.apply(dir);
        trial = new TagTrial(dir, server);
        Path file = dir.resolve("lexigram-cache.yaml");
        Files.writeString(file, String.join("\n",
            "cache:",
            "  backends:",
            "    - name: " + backend,
            backendLines.apply(server),
            "      default: true",
            "  service:",
            "    serializer: java",
            ""), StandardCharsets.UTF_8);
        trial.openCache(file.toUri(), file.toUri().getPath(), backend, true);
        return trial;
      } catch (IOException e) {
        closeAfterFailure(trial, dir, server);
        throw new UncheckedIOException(e);
      } catch (RuntimeException | Error e) {
        closeAfterFailure(trial, dir, server);
        throw e;
      }
    }

    private static void closeAfterFailure(TagTrial trial, Path dir, LocalServer server) {
      (trial != null ? trial : new TagTrial(dir, server)).close();
    }

    /**
     * Opens the manager on {@code uri}, fails unless its configuration came from {@code source},
     * and creates the cache, failing unless it landed on {@code backend} with the configuration
     * asked for.
     */
    private void openCache(URI uri, String source, String backend, boolean storeByValue) {
      CachingProvider provider = Caching.getCachingProvider(JCacheCandidate.LEXIGRAM);
      manager = provider.getCacheManager(uri, provider.getDefaultClassLoader());
      String actualSource = manager().configurationSource();
      if (!actualSource.contains(source)) {
        throw new IllegalStateException(uri + ": the manager read its configuration from " + actualSource
            + ", not from " + source + " (unset the lexigram.cache.config property and LEX_CACHE_CONFIG, "
            + "remove lexigram-cache.yaml from the class path)");
      }
      MutableConfiguration<String, byte[]> configuration = new MutableConfiguration<String, byte[]>()
          .setTypes(String.class, byte[].class)
          .setStoreByValue(storeByValue)
          .setStatisticsEnabled(false)
          .setManagementEnabled(false)
          .setExpiryPolicyFactory(EternalExpiryPolicy.factoryOf());
      cache = manager.createCache(CACHE_NAME, configuration);
      @SuppressWarnings("unchecked")
      LexigramConfiguration<String, byte[]> actual = cache.getConfiguration(LexigramConfiguration.class);
      if (actual.isStoreByValue() != storeByValue || actual.isStatisticsEnabled()
          || !backend.equals(actual.getBackend())) {
        throw new IllegalStateException("cache '" + CACHE_NAME + "' opened with storeByValue=" + actual.isStoreByValue()
            + ", statistics=" + actual.isStatisticsEnabled() + ", backend=" + actual.getBackend()
            + "; expected storeByValue=" + storeByValue + ", no statistics, backend " + backend);
      }
    }

    LexigramCacheManager manager() {
      return manager.unwrap(LexigramCacheManager.class);
    }

    Cache<String, byte[]> cache() {
      return cache;
    }

    @Override
    public void close() {
      try {
        if (manager != null) {
          manager.close(); // closes the cache
          manager = null;
          cache = null;
        }
      } finally {
        if (server != null) {
          server.stop();
        }
        if (dir != null) {
          deleteDir();
        }
      }
    }

    private void deleteDir() {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }
}
