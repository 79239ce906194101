package dev.lexigram.examples.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.lexigram.cache.LexigramCacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GreeterTest {
  private Greeter greeter;

  @BeforeEach
  void inject() {
    greeter = Guice.createInjector(new GreeterModule()).getInstance(Greeter.class);
    greeter.forgetAll();
  }

  @Test
  void theRiUsesLexigramCache() {
    var manager = Caching.getCachingProvider().getCacheManager().unwrap(LexigramCacheManager.class);
    // lexigram-cache.yaml, or lexigram-cache-redis.yaml in the Redis run (the pom's redis profile)
    assertTrue(manager.configurationSource().matches(".*lexigram-cache(-redis)?\\.yaml"),
        manager.configurationSource());
  }

  @Test
  void cacheResultRunsTheMethodOncePerKey() {
    int before = greeter.calls();
    assertEquals("hello, ada", greeter.greet("ada"));
    assertEquals("hello, ada", greeter.greet("ada"));
    assertEquals(1, greeter.calls() - before);
    System.out.printf("[example] 2 @CacheResult calls ran the method %d time%n", greeter.calls() - before);
  }

  @Test
  void putRemoveAndRemoveAll() {
    greeter.override("ada", "bonjour, ada");
    int before = greeter.calls();
    assertEquals("bonjour, ada", greeter.greet("ada"));
    assertEquals(0, greeter.calls() - before);
    greeter.forget("ada");
    assertEquals("hello, ada", greeter.greet("ada"));
    assertEquals(1, greeter.calls() - before);
    greeter.greet("bob");
    greeter.forgetAll();
    greeter.greet("ada");
    greeter.greet("bob");
    assertEquals(4, greeter.calls() - before);
  }
}
