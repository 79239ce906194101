package dev.lexigram.examples.hibernate;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;

/** Opens the persistence unit "library" of META-INF/persistence.xml, with some settings replaced. */
final class Library {
  private Library() {}

  static EntityManagerFactory open(Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(settings);
    // the Redis run (the pom's redis profile) names its own YAML through this system property
    String uri = System.getProperty("lexigram.example.cache-uri");
    if (uri != null) {
      all.put("hibernate.javax.cache.uri", uri);
    }
    return Persistence.createEntityManagerFactory("library", all);
  }
}
