package dev.lexigram.examples.hibernate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loads the same data twice, each time in a new EntityManager: the first load reads the database
 * and fills the second-level cache, the second is answered by the cache and runs no SQL.
 */
class SecondLevelCacheTest {
  private static final String BOOKS_BY_TITLE =
      "select b from Book b where b.title like :title order by b.id";

  private static EntityManagerFactory factory;
  private static Statistics statistics;

  @BeforeAll
  static void open() {
    factory = Library.open(Map.of());
    statistics = factory.unwrap(SessionFactory.class).getStatistics();
    inTransaction(em -> {
      Author ada = new Author(1L, "Ada Lovelace");
      em.persist(ada);
      em.persist(new Book(10L, "Notes on the Analytical Engine", ada));
      em.persist(new Book(11L, "Notes on Bernoulli Numbers", ada));
      return null;
    });
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  @BeforeEach
  void startCold() {
    factory.unwrap(SessionFactory.class).getCache().evictAllRegions(); // also a shared server's leftovers
    statistics.clear();
  }

  @Test
  void theSecondFindOfAnEntityIsACacheHit() {
    assertEquals("Ada Lovelace", inTransaction(em -> em.find(Author.class, 1L).getName()));
    assertEquals(1, statistics.getDomainDataRegionStatistics("authors").getMissCount(), "misses");
    assertEquals(1, statistics.getDomainDataRegionStatistics("authors").getPutCount(), "puts");
    long statements = statistics.getPrepareStatementCount();

    assertEquals("Ada Lovelace", inTransaction(em -> em.find(Author.class, 1L).getName()));
    assertEquals(1, statistics.getDomainDataRegionStatistics("authors").getHitCount(), "hits");
    assertEquals(statements, statistics.getPrepareStatementCount(), "SQL statements on the second find");
    System.out.printf("[example] entity: %s%n", summary());
  }

  @Test
  void theSecondLoadOfACollectionIsACacheHit() {
    String role = Author.class.getName() + ".books";
    assertEquals(2, (int) inTransaction(em -> em.find(Author.class, 1L).getBooks().size()));
    assertEquals(1, statistics.getCollectionStatistics(role).getCacheMissCount(), "collection misses");
    assertEquals(1, statistics.getCollectionStatistics(role).getCachePutCount(), "collection puts");
    long statements = statistics.getPrepareStatementCount();

    List<String> titles = inTransaction(
        em -> em.find(Author.class, 1L).getBooks().stream().map(Book::getTitle).toList());
    assertEquals(List.of("Notes on the Analytical Engine", "Notes on Bernoulli Numbers"), titles);
    assertEquals(1, statistics.getCollectionStatistics(role).getCacheHitCount(), "collection hits");
    assertEquals(2, statistics.getDomainDataRegionStatistics("books").getHitCount(), "book hits");
    assertEquals(statements, statistics.getPrepareStatementCount(), "SQL statements on the second load");
    System.out.printf("[example] collection: %s%n", summary());
  }

  @Test
  void theSecondRunOfACacheableQueryIsACacheHitUntilATableChanges() {
    assertEquals(2, booksByTitle().size());
    assertEquals(1, statistics.getQueryCacheMissCount(), "query cache misses");
    assertEquals(1, statistics.getQueryCachePutCount(), "query cache puts");
    long statements = statistics.getPrepareStatementCount();

    assertEquals(2, booksByTitle().size());
    assertEquals(1, statistics.getQueryCacheHitCount(), "query cache hits");
    assertEquals(statements, statistics.getPrepareStatementCount(), "SQL statements on the second run");
    System.out.printf("[example] query: %s%n", summary());

    // a write to the table makes the cached result stale (update-timestamps region): SQL again
    inTransaction(em -> {
      em.persist(new Book(12L, "Notes by the Translator", em.find(Author.class, 1L)));
      return null;
    });
    long beforeRerun = statistics.getPrepareStatementCount();
    assertEquals(3, booksByTitle().size());
    assertEquals(1, statistics.getQueryCacheHitCount(), "no hit after the table changed");
    assertEquals(beforeRerun + 1, statistics.getPrepareStatementCount(), "the query ran again");
    inTransaction(em -> {
      em.remove(em.find(Book.class, 12L));
      return null;
    });
  }

  private static List<Book> booksByTitle() {
    return inTransaction(em -> em.createQuery(BOOKS_BY_TITLE, Book.class)
        .setParameter("title", "Notes%").setHint("org.hibernate.cacheable", true)
        .getResultList().stream().toList());
  }

  private static String summary() {
    return String.format("2nd-level hits=%d misses=%d puts=%d, query cache hits=%d misses=%d puts=%d,"
            + " SQL statements=%d",
        statistics.getSecondLevelCacheHitCount(), statistics.getSecondLevelCacheMissCount(),
        statistics.getSecondLevelCachePutCount(), statistics.getQueryCacheHitCount(),
        statistics.getQueryCacheMissCount(), statistics.getQueryCachePutCount(),
        statistics.getPrepareStatementCount());
  }

  private static <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      em.close();
    }
  }
}
