package dev.lexigram.cache.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.jcache.spi.LexigramCachingProvider;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RecordingClassLoader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.management.CacheStatisticsMXBean;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bytes planted on a shared server, read through the standard API of a new cache manager: the
 * application stores a {@link GoodBox} (JDK format) or a {@link GoodBean} (JSON), a raw client
 * swaps the class name in the stored bytes for {@link EvilBox} / {@link EvilBean} (same length,
 * fields and serialVersionUID), and the reader must never load, initialise, construct or
 * deserialize the planted class: the entry is a miss, counted in the cache's statistics.
 * Written once; each backend supplies its server and a raw client.
 */
abstract class ForeignPayloadContract {

  static final String CACHE = "boxes";

  /** The YAML list item of one backend named {@code shared}, at the indentation of {@code backends:}'s items. */
  abstract String backendYaml();

  /** Returns the stored bytes of a server-side name, read with a raw client; null if absent. */
  abstract byte[] rawGet(String name) throws Exception;

  /** Stores bytes under a server-side name with a raw client, as an attacker with write access would. */
  abstract void rawSet(String name, byte[] value) throws Exception;

  /** Empties the server before each test. */
  abstract void flush() throws Exception;

  @BeforeEach
  void emptyServer() throws Exception {
    flush();
  }

  @Test
  void plantedJdkClass_isNeverLoadedNorRun_andReadsAsCountedMiss() throws Exception {
    plantedClass_isNeverLoadedNorRun_andReadsAsCountedMiss(new GoodBox("apples"), "GoodBox", "EvilBox");
  }

  @Test
  void plantedJsonClass_isNeverLoadedNorRun_andReadsAsCountedMiss() throws Exception {
    plantedClass_isNeverLoadedNorRun_andReadsAsCountedMiss(new GoodBean("apples"), "GoodBean", "EvilBean");
  }

  private void plantedClass_isNeverLoadedNorRun_andReadsAsCountedMiss(Object good, String goodName, String evilName)
      throws Exception {
    LexigramCachingProvider provider = new LexigramCachingProvider();
    URI config = config("");
    try (CacheManager writer = provider.getCacheManager(config, getClass().getClassLoader())) {
      writer.<String, Object>getCache(CACHE).put("box-1", good);
    }
    swapClassName(serverName("box-1"), goodName, evilName);

    RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());
    try (CacheManager reader = provider.getCacheManager(config, loader)) {
      Cache<String, Object> boxes = reader.getCache(CACHE);

      assertThat(boxes.get("box-1")).isNull();
      assertThat(Tripwire.total()).as("initialised + constructed + readObject of the planted classes").isZero();
      assertThat(loader.requested).noneMatch(name -> name.contains(evilName));
      assertThat(statistics(boxes).getCacheMisses()).isEqualTo(1);
    }
  }

  @Test
  void ownClasses_readBackByAnotherManagerOfTheProvider() throws Exception {
    LexigramCachingProvider provider = new LexigramCachingProvider();
    URI config = config("");
    try (CacheManager writer = provider.getCacheManager(config, getClass().getClassLoader())) {
      Cache<String, Object> boxes = writer.getCache(CACHE);
      boxes.put("box-1", new GoodBox("apples"));
      boxes.put("bean-1", new GoodBean("pears"));
    }

    try (CacheManager reader = provider.getCacheManager(config, new RecordingClassLoader(getClass().getClassLoader()))) {
      Cache<String, Object> boxes = reader.getCache(CACHE);

      assertThat(boxes.get("box-1")).isEqualTo(new GoodBox("apples"));
      assertThat(boxes.get("bean-1")).isEqualTo(new GoodBean("pears"));
    }
  }

  @Test
  void otherProcessReadingFirst_missesWithoutError_untilAllowedTypesNamesTheClass() throws Exception {
    try (CacheManager writer = new LexigramCachingProvider().getCacheManager(config(""), getClass().getClassLoader())) {
      writer.<String, Object>getCache(CACHE).put("box-1", new GoodBox("apples"));
    }

    // a provider that never wrote a GoodBox stands for another process of the application
    try (CacheManager firstReader = new LexigramCachingProvider().getCacheManager(config(""), getClass().getClassLoader())) {
      assertThat(firstReader.getCache(CACHE).get("box-1")).isNull();
    }
    String allowed = "    allowed_types: [\"" + GoodBox.class.getName() + "\"]\n";
    try (CacheManager allowing = new LexigramCachingProvider().getCacheManager(config(allowed), getClass().getClassLoader())) {
      assertThat(allowing.getCache(CACHE).get("box-1")).isEqualTo(new GoodBox("apples"));
    }
  }

  /** The server-side name of a String key of {@link #CACHE} (the default key prefix). */
  static String serverName(String key) {
    return "lexigram:" + CACHE + ":" + key;
  }

  private URI config(String serviceLines) {
    String yaml = "cache:\n  backends:\n" + backendYaml()
        + "  caches:\n    " + CACHE + ": { backend: shared, statistics: true }\n"
        + (serviceLines.isEmpty() ? "" : "  service:\n" + serviceLines);
    return ConfigFiles.writeTemporary("foreign-payload", yaml);
  }

  private void swapClassName(String name, String from, String to) throws Exception {
    byte[] stored = rawGet(name);
    assertThat(stored).as("the stored item " + name).isNotNull();
    byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
    byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(stored, needle);
    assertThat(at).as("the class name " + from + " in the stored bytes").isNotNegative();
    byte[] planted = Arrays.copyOf(stored, stored.length);
    System.arraycopy(replacement, 0, planted, at, replacement.length);
    rawSet(name, planted);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static CacheStatisticsMXBean statistics(Cache<?, ?> cache) throws Exception {
    ObjectName name = new ObjectName("javax.cache:type=CacheStatistics,CacheManager="
        + cache.getCacheManager().getURI().toString().replaceAll("[:=,\n]", ".") + ",Cache=" + cache.getName());
    return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(), name, CacheStatisticsMXBean.class);
  }
}
