package dev.lexigram.cache.ext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.testing.CacheFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/** The extension contract on the memory backend, with time from a fake clock. */
class MemoryExtensionTest extends ExtensionContractTest {
  MemoryExtensionTest() {
    super(new CacheFixture());
  }

  @Test
  void get_byReference_returnsTheStoredObject_andTheNewOneAfterAWrite() {
    Cache<String, List<String>> cache = createCache("byRef",
        new MutableConfiguration<String, List<String>>().setStoreByValue(false).setStatisticsEnabled(true));
    @SuppressWarnings("unchecked")
    LexigramCache<String, List<String>> extension = cache.unwrap(LexigramCache.class);
    List<String> first = new ArrayList<>(List.of("a"));
    cache.put("k", first);

    Result<Optional<List<String>>> hit = extension.get("k");
    assertThat(hit.unwrap()).containsSame(first);
    assertThat(extension.get("k").unwrap()).containsSame(first);

    List<String> second = new ArrayList<>(List.of("b"));
    cache.put("k", second);
    assertThat(extension.get("k").unwrap()).containsSame(second);
    var statistics = cache.unwrap(dev.lexigram.cache.jcache.CacheProxy.class).statistics();
    assertThat(statistics.getCacheHits()).isEqualTo(3); // every read counts as a hit
  }

  @Test
  void get_byValue_returnsAFreshCopyEveryTime() {
    Cache<String, List<String>> cache = createCache("byValue", new MutableConfiguration<String, List<String>>());
    @SuppressWarnings("unchecked")
    LexigramCache<String, List<String>> extension = cache.unwrap(LexigramCache.class);
    cache.put("k", new ArrayList<>(List.of("a")));

    List<String> mine = extension.get("k").unwrap().orElseThrow();
    mine.add("changed by the caller");

    assertThat(extension.get("k").unwrap()).contains(List.of("a"));
    assertThat(extension.get("k").unwrap().orElseThrow()).isNotSameAs(extension.get("k").unwrap().orElseThrow());
  }
}
