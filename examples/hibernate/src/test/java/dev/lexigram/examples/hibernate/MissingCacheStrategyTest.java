package dev.lexigram.examples.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.cache.CacheException;
import org.junit.jupiter.api.Test;

/**
 * With {@code hibernate.javax.cache.missing_cache_strategy=fail} Hibernate accepts only regions
 * that {@code CacheManager.getCache(name)} opens, which are the caches the YAML declares.
 */
class MissingCacheStrategyTest {
  private static final String COLLECTION_REGION = Author.class.getName() + ".books";

  @Test
  void failRefusesTheOneRegionTheYamlDoesNotDeclare() {
    // the timestamps, query-results, "authors" and "books" regions are found; the collection's is not
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
        + COLLECTION_REGION + "]", cause.getMessage());
    System.out.println("[example] missing_cache_strategy=fail: " + cause.getMessage());
  }

  @Test
  void failStartsWhenTheYamlDeclaresEveryRegion() {
    // region names only matter here: every-region.yaml is a memory configuration, in the Redis run too
    EntityManagerFactory factory = Persistence.createEntityManagerFactory("library", Map.of(
        "hibernate.javax.cache.missing_cache_strategy", "fail",
        "hibernate.javax.cache.uri", "every-region.yaml",
        "jakarta.persistence.jdbc.url", "jdbc:h2:mem:every-region"));
    try {
      Set<String> regions = Set.of(factory.unwrap(SessionFactory.class).getStatistics()
          .getSecondLevelCacheRegionNames());
      // (Hibernate lists the entity, collection and query regions; the timestamps region is built first)
      assertEquals(Set.of("authors", "books", COLLECTION_REGION, "default-query-results-region"), regions);
    } finally {
      factory.close();
    }
  }
}
