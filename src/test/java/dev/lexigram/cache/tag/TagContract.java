package dev.lexigram.cache.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.CacheBackend;
import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.WriteOptions;
import dev.lexigram.cache.config.CacheSettings;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.EventType;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tag invalidation through the standard and the extension API, written once; each backend supplies
 * its settings. The cache {@code catalog} is declared with {@code tags: [catalog]}.
 */
public abstract class TagContract {

  static final AtomicInteger LOADS = new AtomicInteger();
  /** Loads wait here once {@link #entered} has been counted down, so that a test can invalidate meanwhile. */
  static volatile CountDownLatch entered = new CountDownLatch(0);
  static volatile CountDownLatch proceed = new CountDownLatch(0);

  /** Loads {@code v<n>} on its n-th call, pausing at the latches. */
  public static final class SlowLoader implements CacheLoader<String, String> {
    @Override
    public String load(String key) {
      int call = LOADS.incrementAndGet();
      entered.countDown();
      try {
        proceed.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CacheLoaderException(e);
      }
      return "v" + call;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      Map<String, String> loaded = new HashMap<>();
      keys.forEach(key -> loaded.put(key, load(key)));
      return loaded;
    }
  }

  /** The settings of the backend under test (its default backend), without declared caches. */
  protected abstract LexigramSettings settings();

  /** The clock of the fixture (remote backends need one that is never behind the server). */
  protected FakeClock clock() {
    return new FakeClock();
  }

  protected CacheFixture fixture;

  @BeforeEach
  void open() {
    LOADS.set(0);
    entered = new CountDownLatch(0);
    proceed = new CountDownLatch(0);
    fixture = newFixture();
  }

  @AfterEach
  void close() {
    proceed.countDown();
    fixture.close();
  }

  /** A fixture on the settings with the cache {@code catalog} declared with {@code tags: [catalog]}. */
  protected CacheFixture newFixture() {
    LexigramSettings base = settings();
    LexigramSettings withCatalog = new LexigramSettings(base.source(), base.backends(),
        Map.of("catalog", new CacheSettings("catalog", null, null, null, false, false, null, List.of("catalog"))),
        base.service(), base.environment());
    return new CacheFixture(withCatalog, clock());
  }

  protected LexigramCacheManager manager() {
    return fixture.manager().unwrap(LexigramCacheManager.class);
  }

  protected Cache<String, String> plainCache(String name) {
    return fixture.cache(name, new MutableConfiguration<String, String>().setTypes(String.class, String.class)
        .setStatisticsEnabled(true));
  }

  @SuppressWarnings("unchecked")
  protected static LexigramCache<String, String> extension(Cache<String, String> cache) {
    return cache.unwrap(LexigramCache.class);
  }

  @Test
  void invalidateTags_entriesCarryingATagReadAsAbsent_othersStay() {
    Cache<String, String> cache = plainCache("tags-basic");
    LexigramCache<String, String> ext = extension(cache);
    assertThat(ext.put("a1", "x", WriteOptions.tagged("a")).isOk()).isTrue();
    assertThat(ext.put("b1", "x", WriteOptions.tagged("b")).isOk()).isTrue();
    assertThat(ext.put("ab", "x", WriteOptions.tagged("a", "b")).isOk()).isTrue();
    assertThat(ext.putMany(Map.of("m1", "x", "m2", "x"), WriteOptions.tagged("a").withTtl(Duration.ofMinutes(5)))
        .isOk()).isTrue();
    cache.put("plain", "x");

    assertThat(manager().invalidateTags("a").isOk()).isTrue();

    assertThat(cache.get("a1")).isNull();
    assertThat(cache.get("ab")).isNull();
    assertThat(cache.containsKey("m1")).isFalse();
    assertThat(cache.getAll(Set.of("m2", "b1", "plain"))).containsOnlyKeys("b1", "plain");
    List<String> keys = new ArrayList<>();
    cache.forEach(entry -> keys.add(entry.getKey()));
    assertThat(keys).containsExactlyInAnyOrder("b1", "plain");
    assertThat(cache.get("b1")).isEqualTo("x");
  }

  @Test
  void entriesReadBeforeAnInvalidation_areCheckedAgainAfterIt() {
    Cache<String, String> cache = plainCache("tags-read-before");
    LexigramCache<String, String> ext = extension(cache);
    assertThat(ext.put("a1", "x", WriteOptions.tagged("a")).isOk()).isTrue();
    assertThat(ext.put("b1", "y", WriteOptions.tagged("b")).isOk()).isTrue();
    for (int i = 0; i < 3; i++) { // read more than once: a read may remember the tags were current
      assertThat(cache.get("a1")).isEqualTo("x");
      assertThat(cache.get("b1")).isEqualTo("y");
    }

    assertThat(manager().invalidateTags("c").isOk()).isTrue(); // a tag neither carries

    assertThat(cache.get("a1")).isEqualTo("x");
    assertThat(cache.get("b1")).isEqualTo("y");

    assertThat(manager().invalidateTags("a").isOk()).isTrue();

    assertThat(cache.get("a1")).isNull();
    assertThat(cache.get("b1")).isEqualTo("y");
  }

  @Test
  void tagInvalidatedEntry_isAbsentForConditionalOperationsAndEntryProcessors() {
    Cache<String, String> cache = plainCache("tags-conditional");
    LexigramCache<String, String> ext = extension(cache);
    for (String key : List.of("k1", "k2", "k3", "k4")) {
      ext.put(key, "old", WriteOptions.tagged("t"));
    }
    manager().invalidateTags("t");

    assertThat(cache.replace("k1", "new")).as("replace of an absent key").isFalse();
    assertThat(cache.putIfAbsent("k2", "new")).as("putIfAbsent of an absent key").isTrue();
    assertThat(cache.get("k2")).isEqualTo("new");
    Boolean exists = cache.invoke("k3", (entry, args) -> entry.exists());
    assertThat(exists).isFalse();
    assertThat(cache.getAndPut("k4", "new")).as("no previous value").isNull();
    assertThat(cache.remove("k1")).isFalse();
  }

  @Test
  void statistics_countATagInvalidatedReadAsAMiss_andListenersHearItExpire() {
    List<CacheEntryEvent<?, ?>> expired = new ArrayList<>();
    MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class).setStatisticsEnabled(true)
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(new RecordingExpiry(expired)), null, true, true));
    Cache<String, String> cache = fixture.cache("tags-stats", configuration);
    extension(cache).put("k", "v", WriteOptions.tagged("t"));
    manager().invalidateTags("t");

    assertThat(cache.get("k")).isNull();

    var statistics = fixture.manager().getCache("tags-stats", String.class, String.class)
        .unwrap(dev.lexigram.cache.jcache.CacheProxy.class).statistics();
    assertThat(statistics.getCacheMisses()).isEqualTo(1);
    assertThat(statistics.getCacheHits()).isZero();
    synchronized (expired) {
      assertThat(expired).hasSize(1);
      assertThat(expired.get(0).getEventType()).isEqualTo(EventType.EXPIRED);
      assertThat(expired.get(0).getKey()).isEqualTo("k");
    }
  }

  /** Records expired events (synchronous listener). */
  public static final class RecordingExpiry implements CacheEntryExpiredListener<String, String>, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final transient List<CacheEntryEvent<?, ?>> events;

    RecordingExpiry(List<CacheEntryEvent<?, ?>> events) {
      this.events = events;
    }

    @Override
    public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends String>> batch) {
      synchronized (events) {
        batch.forEach(events::add);
      }
    }
  }

  @Test
  void declaredCacheTags_tagEveryEntry_andAReadThroughCacheReloadsAfterTheInvalidation() {
    Cache<String, String> catalog = fixture.cache("catalog", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class).setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(SlowLoader.class)));
    catalog.put("dc-put", "by put");
    assertThat(catalog.get("dc-loaded")).isEqualTo("v1");

    manager().invalidateTags("catalog");

    assertThat(catalog.containsKey("dc-put")).isFalse();
    assertThat(catalog.get("dc-loaded")).as("loaded again").isEqualTo("v2");
    assertThat(catalog.get("dc-loaded")).isEqualTo("v2");
    assertThat(LOADS).hasValue(2);
  }

  @Test
  void readThroughLoad_startedBeforeAnInvalidation_doesNotOutliveIt() throws Exception {
    Cache<String, String> catalog = fixture.cache("catalog", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class).setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(SlowLoader.class)));
    entered = new CountDownLatch(1);
    proceed = new CountDownLatch(1);
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> catalog.get("rt-k"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).as("the loader started").isTrue();

    manager().invalidateTags("catalog"); // while the loader reads data the invalidation makes stale
    proceed.countDown();

    assertThat(read.get(10, TimeUnit.SECONDS)).as("the caller gets what its load returned").isEqualTo("v1");
    assertThat(catalog.get("rt-k")).as("but the stale value is not served after the invalidation").isEqualTo("v2");
    assertThat(LOADS).hasValue(2);
  }

  @Test
  void getOrCompute_startedBeforeAnInvalidation_doesNotOutliveIt() throws Exception {
    LexigramCache<String, String> cache = extension(plainCache("tags-compute"));
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Result<String>> first = CompletableFuture.supplyAsync(() ->
        cache.getOrCompute("k", WriteOptions.tagged("t"), key -> {
          computing.countDown();
          awaitLatch(release);
          return "stale";
        }));
    assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();

    manager().invalidateTags("t");
    release.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS).unwrap()).isEqualTo("stale");
    assertThat(cache.getOrCompute("k", WriteOptions.tagged("t"), key -> "fresh").unwrap()).isEqualTo("fresh");
  }

  @Test
  void invoke_loaderStartedBeforeAnInvalidation_doesNotOutliveIt() throws Exception {
    Cache<String, String> catalog = fixture.cache("catalog", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class).setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(SlowLoader.class)));
    entered = new CountDownLatch(1);
    proceed = new CountDownLatch(1);
    CompletableFuture<String> invoked = CompletableFuture.supplyAsync(() ->
        catalog.invoke("inv-k", (entry, args) -> entry.getValue()));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    manager().invalidateTags("catalog");
    proceed.countDown();

    assertThat(invoked.get(10, TimeUnit.SECONDS)).isEqualTo("v1");
    assertThat(catalog.get("inv-k")).isEqualTo("v2");
  }

  @Test
  void jcacheLoadAll_startedBeforeAnInvalidation_doesNotOutliveIt() throws Exception {
    Cache<String, String> catalog = fixture.cache("catalog", new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class).setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(SlowLoader.class)));
    entered = new CountDownLatch(1);
    proceed = new CountDownLatch(1);
    javax.cache.integration.CompletionListenerFuture done = new javax.cache.integration.CompletionListenerFuture();
    catalog.loadAll(Set.of("la-k"), true, done);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    manager().invalidateTags("catalog");
    proceed.countDown();
    done.get(10, TimeUnit.SECONDS);

    assertThat(catalog.get("la-k")).as("loaded again, not the value read before the invalidation").isEqualTo("v2");
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void badTags_failWithInvalidKey_namingTheRule() {
    LexigramCache<String, String> cache = extension(plainCache("tags-bad"));
    String[] tooMany = IntStream.range(0, Tags.MAX_PER_ENTRY + 1).mapToObj(i -> "t" + i).toArray(String[]::new);

    for (WriteOptions bad : List.of(WriteOptions.tagged(""), WriteOptions.tagged("  "),
        WriteOptions.tagged("line\nbreak"), WriteOptions.tagged("x".repeat(Tags.MAX_LENGTH + 1)),
        WriteOptions.tagged(tooMany), WriteOptions.tagged((String) null))) {
      Result<Void> put = cache.put("k", "v", bad);
      assertThat(put.isErr()).as("%s", bad).isTrue();
      assertThat(put.error().kind()).as("%s", bad).isEqualTo(CacheError.Kind.INVALID_KEY);
      assertThat(put.error().message()).as("%s", bad).contains("Fix:");
    }
    assertThat(cache.exists("k").unwrap()).isFalse();
    assertThat(manager().invalidateTags("").error().kind()).isEqualTo(CacheError.Kind.INVALID_KEY);
    assertThat(cache.put("k", "v", WriteOptions.tagged("unicode ключ", "x".repeat(Tags.MAX_LENGTH))).isOk()).isTrue();
  }

  @Test
  void backendView_writesWithTags_andInvalidatesOnItsBackend() {
    String backend = settings().defaultBackend().name();
    CacheBackend view = manager().backend(backend);
    assertThat(view.set("k", "v", WriteOptions.tagged("view")).isOk()).isTrue();
    assertThat(view.setMany(Map.of("m", "v"), WriteOptions.tagged("other")).isOk()).isTrue();

    assertThat(view.invalidateTagsAsync("view").toCompletableFuture().join().isOk()).isTrue();

    assertThat(view.get("k").unwrap()).isEmpty();
    assertThat(view.get("m").unwrap()).contains("v");
  }

  @Test
  void invalidateTags_withManyTaggedEntries_isOneWritePerTag() {
    LexigramCache<String, String> cache = extension(plainCache("tags-many"));
    Map<String, String> entries = new HashMap<>();
    for (int i = 0; i < 2_000; i++) {
      entries.put("k" + i, "v");
    }
    cache.putMany(entries, WriteOptions.tagged("bulk"));

    assertThat(manager().invalidateTags("bulk").isOk()).isTrue();

    assertThat(cache.getMany(entries.keySet()).unwrap()).isEmpty();
  }

  /** For backends other processes share: a second manager (another process) sees an invalidation within the window. */
  protected void assertAnotherManagerSeesTheInvalidationWithinTheWindow() {
    try (CacheFixture other = newFixture()) {
      Cache<String, String> here = plainCache("tags-shared");
      Cache<String, String> there = other.cache("tags-shared", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class));
      extension(here).put("tagged", "v", WriteOptions.tagged("shared"));
      here.put("untagged", "v");
      extension(here).put("other", "v", WriteOptions.tagged("unrelated"));
      assertThat(there.get("tagged")).as("written by the first manager").isEqualTo("v");

      long start = System.nanoTime();
      assertThat(other.manager().unwrap(LexigramCacheManager.class).invalidateTags("shared").isOk()).isTrue();
      assertThat(there.get("tagged")).as("the invalidating manager, at once").isNull();
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> here.get("tagged") == null);
      long seenAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      System.out.println("[tags " + getClass().getSimpleName() + "] the other manager saw the invalidation after "
          + seenAfterMillis + " ms (tag_staleness " + settings().service().tagStaleness().toMillis() + " ms)");
      assertThat(seenAfterMillis).isLessThan(settings().service().tagStaleness().toMillis() + 1_000);
      assertThat(here.get("untagged")).isEqualTo("v");
      assertThat(here.get("other")).isEqualTo("v");
      assertThat(there.get("other")).isEqualTo("v");
    }
  }
}
