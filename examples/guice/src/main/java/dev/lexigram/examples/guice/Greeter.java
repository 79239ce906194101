package dev.lexigram.examples.guice;

import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;

/** A Guice-managed service cached with the JSR-107 annotations; the counter shows real calls. */
public class Greeter {
  private final AtomicInteger calls = new AtomicInteger();

  @CacheResult(cacheName = "greetings")
  public String greet(String name) {
    calls.incrementAndGet();
    return "hello, " + name;
  }

  @CachePut(cacheName = "greetings")
  public void override(String name, @CacheValue String greeting) {}

  @CacheRemove(cacheName = "greetings")
  public void forget(String name) {}

  @CacheRemoveAll(cacheName = "greetings")
  public void forgetAll() {}

  public int calls() {
    return calls.get();
  }
}
