package dev.lexigram.examples.spring;

import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * A service cached with the JSR-107 annotations (cache "products") and with Spring's own
 * {@code @Cacheable} (cache "prices"). The counters show how often the bodies really run.
 */
@Service
public class Catalog {
  private final AtomicInteger productLoads = new AtomicInteger();
  private final AtomicInteger priceLoads = new AtomicInteger();

  @CacheResult(cacheName = "products")
  public Product product(String id) {
    productLoads.incrementAndGet();
    return new Product(id, "product " + id + " from the database");
  }

  @CachePut(cacheName = "products")
  public void save(String id, @CacheValue Product product) {
    // a real service writes the database here; the annotation puts the value in the cache
  }

  @CacheRemove(cacheName = "products")
  public void evict(String id) {}

  @CacheRemoveAll(cacheName = "products")
  public void evictAll() {}

  @Cacheable("prices")
  public Long priceInCents(String id) {
    priceLoads.incrementAndGet();
    return 1999L;
  }

  public int productLoads() {
    return productLoads.get();
  }

  public int priceLoads() {
    return priceLoads.get();
  }
}
