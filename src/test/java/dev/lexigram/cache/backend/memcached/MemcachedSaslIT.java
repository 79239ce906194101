package dev.lexigram.cache.backend.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lexigram.cache.testing.MemcachedServer;
import dev.lexigram.cache.testing.MemcachedServerExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The memcached backend against a real {@code memcached -S} that admits one SASL user, through
 * the standard API and a YAML file as an application has them: the right login works for
 * key-based calls; key enumeration is refused as UNSUPPORTED (a SASL server speaks no text
 * protocol); a wrong password, a missing login, and a login against a server without SASL or
 * against no memcached at all each fail when the cache opens, within a bound, with one message
 * that names the backend, says what is wrong and how to fix it, and never shows the password.
 */
@ExtendWith(MemcachedServerExtension.class)
@MemcachedServerExtension.Servers(saslUsername = MemcachedSaslIT.USER, saslPassword = MemcachedSaslIT.PASSWORD)
class MemcachedSaslIT {

  static final String USER = "lexi";
  static final String PASSWORD = "right-sasl-secret-7Q";
  private static final String WRONG_PASSWORD = "wrong-sasl-secret-9Z";
  private static final String BACKEND = "sessions";
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  /**
   * How long opening may take until it fails. A refused login ends in milliseconds once the JVM is
   * warm; a class's first open took up to 1.8 s, most of it class loading. Without the check at
   * open, spymemcached logged in again every 100 ms for ever and only the calls failed.
   */
  private static final Duration OPEN_BOUND = Duration.ofSeconds(5);

  private final MemcachedServer server;

  MemcachedSaslIT(MemcachedServer server) {
    this.server = server;
  }

  @Test
  void rightCredentials_putGetRemoveGetAllWork() {
    try (CacheManager manager = manager(USER, PASSWORD)) {
      Cache<String, String> cache = manager.createCache("orders", stringTypes());
      cache.put("a", "1");
      cache.putAll(Map.of("b", "2", "c", "3"));
      assertThat(cache.get("a")).isEqualTo("1");
      assertThat(cache.getAll(Set.of("a", "b", "c", "missing"))).isEqualTo(Map.of("a", "1", "b", "2", "c", "3"));
      assertThat(cache.remove("b")).isTrue();
      assertThat(cache.remove("b")).isFalse();
      assertThat(cache.get("b")).isNull();
      assertThat(cache.getAll(Set.of("a", "b"))).isEqualTo(Map.of("a", "1"));
      assertThat(cache.getAndReplace("a", "1b")).isEqualTo("1");
      assertThat(cache.get("a")).isEqualTo("1b");
      cache.removeAll(Set.of("a", "c"));
      assertThat(cache.getAll(Set.of("a", "c"))).isEmpty();
    }
  }

  @Test
  void rightCredentials_keyEnumeration_isUnsupportedAndSaysWhy() {
    try (CacheManager manager = manager(USER, PASSWORD)) {
      Cache<String, String> cache = manager.createCache("listed", stringTypes());
      cache.put("kept", "v");
      List<String> messages = new ArrayList<>();
      messages.add(enumerationFailure(() -> cache.iterator().hasNext()));
      messages.add(enumerationFailure(cache::clear));
      messages.add(enumerationFailure(cache::removeAll));
      for (String message : messages) {
        assertThat(message).contains("UNSUPPORTED", "'" + BACKEND + "'", "lru_crawler metadump",
            "memcached that requires SASL refuses", "Fix: ");
      }
      assertThat(cache.get("kept")).as("a refused clear() removes nothing").isEqualTo("v");
      cache.remove("kept");
    }
  }

  @Test
  void wrongPassword_failsWhenTheCacheOpens_sayingAuthenticationFailedAndHowToFix() {
    String message = openingFailure(USER, WRONG_PASSWORD);
    assertThat(message).contains("'" + BACKEND + "'", server.address(), "(CONNECTION)",
        "SASL authentication as user '" + USER + "' failed", "Auth failure",
        "Fix: check the backend's username and password");
  }

  @Test
  void noCredentials_failsWhenTheCacheOpens_sayingTheServerRequiresSasl() {
    String message = openingFailure(null, null);
    assertThat(message).contains("'" + BACKEND + "'", server.address(), "(CONNECTION)",
        "the server requires SASL authentication", "Fix: set the backend's username and password");
  }

  @Test
  void blankUsername_meansNoLogin() {
    // what `username: ${MEMCACHED_USER:}` gives when the variable is unset
    String message = openingFailure("", "");
    assertThat(message).contains("the server requires SASL authentication");
  }

  @Test
  void credentials_againstAServerWithoutSasl_failWhenTheCacheOpens() {
    try (MemcachedServer plain = MemcachedServer.start()) {
      String message = openingFailure(List.of(plain.address()), USER, PASSWORD);
      assertThat(message).contains("'" + BACKEND + "'", plain.address(), "(CONNECTION)",
          "the server does not support SASL authentication", "Fix: remove username and password");
    }
  }

  @Test
  void credentials_againstAServerThatIsNoMemcached_failWhenTheCacheOpens() throws Exception {
    try (FakeServer garbage = FakeServer.answering("HTTP/1.1 400 Bad Request\r\n\r\n")) {
      String message = openingFailure(List.of(garbage.address()), USER, PASSWORD);
      assertThat(message).contains("'" + BACKEND + "'", "(CONNECTION)",
          garbage.address() + " is not a memcached server", "HTTP/1.1 400 Bad Request", "Fix: check the host and port in servers");
    }
  }

  private CacheManager manager(String user, String password) {
    return manager(List.of(server.address()), user, password);
  }

  private CacheManager manager(List<String> servers, String user, String password) {
    URI config = MemcachedConfigFile.write(BACKEND, servers, user, password, TIMEOUT);
    return Caching.getCachingProvider().getCacheManager(config, getClass().getClassLoader());
  }

  private static MutableConfiguration<String, String> stringTypes() {
    return new MutableConfiguration<String, String>().setTypes(String.class, String.class);
  }

  private String openingFailure(String user, String password) {
    return openingFailure(List.of(server.address()), user, password);
  }

  /**
   * Opens a manager and a cache on the servers and returns the message of the CacheException that
   * must end it within {@link #OPEN_BOUND}; checks that no password and no spymemcached exception
   * is in it or its causes.
   */
  private String openingFailure(List<String> servers, String user, String password) {
    long start = System.nanoTime();
    CacheException e = assertTimeoutPreemptively(OPEN_BOUND, () -> {
      try (CacheManager manager = manager(servers, user, password)) {
        return catchThrowableOfType(CacheException.class, () -> manager.createCache("orders", stringTypes()));
      }
    }, "opening a cache on a refused login must fail within " + OPEN_BOUND.toMillis() + " ms, not hang");
    assertThat(e).as("opening the cache must fail").isNotNull();
    System.out.println("MemcachedSaslIT: opening failed after " + Duration.ofNanos(System.nanoTime() - start).toMillis()
        + " ms: " + e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(t.toString()).doesNotContain(PASSWORD, WRONG_PASSWORD);
      assertThat(t.getClass().getName()).doesNotStartWith("net.spy.");
    }
    return e.getMessage();
  }

  private static String enumerationFailure(Runnable call) {
    CacheException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> catchThrowableOfType(CacheException.class, call::run));
    assertThat(e).as("key enumeration on a SASL server must fail").isNotNull();
    System.out.println("MemcachedSaslIT: enumeration refused: " + e.getMessage());
    return e.getMessage();
  }
}
