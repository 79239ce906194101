package dev.lexigram.examples.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexigram.cache.LexigramCacheManager;
import javax.cache.Caching;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GreeterTest {
  private static WeldContainer container;
  private Greeter greeter;

  @BeforeAll
  static void start() {
    container = new Weld().initialize(); // discovers META-INF/beans.xml archives on the class path
  }

  @AfterAll
  static void stop() {
    container.shutdown();
  }

  @BeforeEach
  void inject() {
    greeter = container.select(Greeter.class).get();
    greeter.forgetAll();
    greeter.forgetTranslations();
  }

  @Test
  void theRiUsesLexigramCache() {
    var manager = Caching.getCachingProvider().getCacheManager().unwrap(LexigramCacheManager.class);
    assertTrue(manager.configurationSource().matches(".*lexigram-cache(-redis)?\\.yaml"),
        manager.configurationSource());
    assertTrue(manager.declaredCacheNames().contains("greetings"), "declared: greetings");
    assertNotNull(Caching.getCachingProvider().getCacheManager().getCache("translations"),
        "the RI created the undeclared cache");
  }

  @Test
  void cacheResultRunsTheMethodOncePerKey() {
    int before = greeter.calls();
    assertEquals("hello, ada", greeter.greet("ada"));
    assertEquals("hello, ada", greeter.greet("ada"));
    assertEquals(1, greeter.calls() - before);
    assertEquals("bonjour, ada", greeter.greet("fr", "ada"));
    assertEquals("bonjour, ada", greeter.greet("fr", "ada"));
    assertEquals("hello, ada", greeter.greet("en", "ada"));
    assertEquals(3, greeter.calls() - before);
    System.out.printf("[example] 5 @CacheResult calls ran the method %d times%n", greeter.calls() - before);
  }

  @Test
  void putRemoveAndRemoveAll() {
    greeter.override("ada", "salut, ada");
    int before = greeter.calls();
    assertEquals("salut, ada", greeter.greet("ada"));
    assertEquals(0, greeter.calls() - before, "@CachePut value served");
    greeter.forget("ada");
    assertEquals("hello, ada", greeter.greet("ada"));
    assertEquals(1, greeter.calls() - before, "@CacheRemove dropped the key");
    greeter.greet("bob");
    greeter.forgetAll();
    greeter.greet("ada");
    greeter.greet("bob");
    assertEquals(4, greeter.calls() - before, "@CacheRemoveAll dropped every key");
  }
}
