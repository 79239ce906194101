package dev.lexigram.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.LexigramCacheManager;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"spring.main.banner-mode=off", "logging.level.root=warn"})
class CatalogTest {

  @Autowired Catalog catalog;
  @Autowired CacheManager jcache; // the javax.cache.CacheManager Spring Boot made from the YAML

  @BeforeEach
  void emptyCaches() {
    catalog.evictAll();
    jcache.getCache("prices").clear();
  }

  @Test
  void springUsesLexigramCacheWithTheYamlFile() {
    LexigramCacheManager manager = jcache.unwrap(LexigramCacheManager.class);
    // lexigram-cache.yaml, or lexigram-cache-redis.yaml in the Redis run (the pom's redis profile)
    assertThat(manager.configurationSource()).matches(".*lexigram-cache(-redis)?\\.yaml");
    assertThat(manager.declaredCacheNames()).contains("products");
    // Spring called createCache for both listed names: the declared one and the undeclared one
    assertThat(jcache.getCacheNames()).contains("products", "prices");
  }

  @Test
  void cacheResultRunsTheMethodOncePerKey() {
    int before = catalog.productLoads();
    Product first = catalog.product("42");
    Product second = catalog.product("42");
    assertThat(second).isEqualTo(first);
    assertThat(catalog.productLoads() - before).isEqualTo(1);
    Cache<Object, Object> products = jcache.getCache("products");
    assertThat(products.get("42")).isEqualTo(first);
    System.out.printf("[example] 2 @CacheResult calls ran the method %d time%n", catalog.productLoads() - before);
  }

  @Test
  void cachePutReplacesTheCachedValue() {
    catalog.product("7");
    int before = catalog.productLoads();
    catalog.save("7", new Product("7", "renamed"));
    assertThat(catalog.product("7").name()).isEqualTo("renamed");
    assertThat(catalog.productLoads()).isEqualTo(before);
  }

  @Test
  void cacheRemoveDropsOneKeyAndRemoveAllDropsEvery() {
    catalog.product("1");
    catalog.product("2");
    int before = catalog.productLoads();
    catalog.evict("1");
    catalog.product("1");
    catalog.product("2");
    assertThat(catalog.productLoads() - before).isEqualTo(1);
    catalog.evictAll();
    catalog.product("1");
    catalog.product("2");
    assertThat(catalog.productLoads() - before).isEqualTo(3);
  }

  @Test
  void springCacheableUsesTheUndeclaredCacheOnTheDefaultBackend() {
    int before = catalog.priceLoads();
    assertThat(catalog.priceInCents("42")).isEqualTo(1999L);
    assertThat(catalog.priceInCents("42")).isEqualTo(1999L);
    assertThat(catalog.priceLoads() - before).isEqualTo(1);
    assertThat(jcache.getCache("prices").get("42")).isEqualTo(1999L);
  }
}
