package dev.lexigram.examples.cdi;

import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import javax.enterprise.context.ApplicationScoped;

/**
 * A CDI bean cached with the JSR-107 annotations, which the RI's interceptors (enabled in
 * META-INF/beans.xml) apply; the counter shows how often the method body really runs.
 */
@ApplicationScoped
@CacheDefaults(cacheName = "greetings")
public class Greeter {
  private final AtomicInteger calls = new AtomicInteger();

  @CacheResult
  public String greet(String name) {
    calls.incrementAndGet();
    return "hello, " + name;
  }

  /** Cached under both parameters in "translations", a cache the YAML does not declare. */
  @CacheResult(cacheName = "translations")
  public String greet(@CacheKey String language, @CacheKey String name) {
    calls.incrementAndGet();
    return ("fr".equals(language) ? "bonjour, " : "hello, ") + name;
  }

  @CachePut
  public void override(String name, @CacheValue String greeting) {}

  @CacheRemove
  public void forget(String name) {}

  @CacheRemoveAll
  public void forgetAll() {}

  @CacheRemoveAll(cacheName = "translations")
  public void forgetTranslations() {}

  public int calls() {
    return calls.get();
  }
}
