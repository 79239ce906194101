package dev.lexigram.examples.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.PersistenceException;
import java.util.Map;
import org.hibernate.cache.CacheException;
import org.junit.jupiter.api.Test;

/**
 * With {@code hibernate.javax.cache.missing_cache_strategy=fail} Hibernate accepts only regions
 * that {@code CacheManager.getCache(name)} opens, which are the caches the YAML declares: the
 * timestamps, query-results, "authors" and "books" regions pass, the undeclared collection region
 * stops the start.
 */
class MissingCacheStrategyTest {

  @Test
  void failRefusesOnlyTheRegionTheYamlDoesNotDeclare() {
    PersistenceException e = assertThrows(PersistenceException.class,
        () -> Library.open(Map.of(
            "hibernate.javax.cache.missing_cache_strategy", "fail",
            "jakarta.persistence.jdbc.url", "jdbc:h2:mem:strategy")).close());
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertEquals(CacheException.class, cause.getClass(), cause.toString());
    assertEquals("On-the-fly creation of JCache Cache objects is not supported ["
        + Author.class.getName() + ".books]", cause.getMessage());
    System.out.println("[example] missing_cache_strategy=fail: " + cause.getMessage());
  }
}
