package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.serial.SerializationException;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How Lettuce's failures become store exceptions (URLs arrive masked: see BackendSettings.maskedUrl). */
class RedisFailuresTest {

  private final RedisFailures failures = new RedisFailures("shared", "redis://app:***@cache.local:6379/0");

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void translate_namesBackendKeyAndMaskedUrl() {
    StoreException e = failures.translate(new RedisException("boom"), "GET", "product:1");
    assertThat(e.kind()).isEqualTo(Kind.BACKEND);
    assertThat(e.getMessage()).contains("'shared'", "redis://app:***@cache.local:6379/0", "GET of key 'product:1'", "boom");
  }

  @Test
  void translate_mapsEachFailureToItsKind() {
    assertThat(kindOf(new RedisCommandTimeoutException("Command timed out after 2 second(s)"))).isEqualTo(Kind.TIMEOUT);
    assertThat(kindOf(new RedisConnectionException("Unable to connect"))).isEqualTo(Kind.CONNECTION);
    assertThat(kindOf(new RedisException("Connection closed"))).isEqualTo(Kind.CONNECTION);
    assertThat(kindOf(new RedisCommandExecutionException("ERR Protocol error: invalid bulk length"))).isEqualTo(Kind.CAPACITY);
    assertThat(kindOf(new RedisCommandExecutionException("OOM command not allowed"))).isEqualTo(Kind.CAPACITY);
    assertThat(kindOf(new RedisCommandExecutionException("WRONGTYPE Operation"))).isEqualTo(Kind.BACKEND);
    assertThat(kindOf(new SerializationException(SerializationException.Reason.NOT_WRITABLE, "no"))).isEqualTo(Kind.SERIALIZATION);
    assertThat(kindOf(new ExecutionException(new RedisCommandTimeoutException("late")))).isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void translate_interrupted_keepsTheInterruptFlag() {
    Kind kind = kindOf(new RedisCommandInterruptedException(new InterruptedException()));
    assertThat(kind).isEqualTo(Kind.TIMEOUT);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void translate_wrongPassword_saysHowToFixIt() {
    StoreException e = failures.translate(new RedisConnectionException("Unable to connect to cache.local:6379",
        new RedisCommandExecutionException("WRONGPASS invalid username-password pair")), "connect", null);
    assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
    assertThat(e.getMessage()).contains("Unable to connect to cache.local:6379: WRONGPASS", "Fix: check the user name and password");
  }

  @Test
  void translate_tlsHandshakeNeverAnswered_saysToCheckThePort() {
    RedisFailures tls = new RedisFailures("shared", "rediss://cache.local:6379");
    StoreException e = tls.translate(new RedisConnectionException("Unable to connect to cache.local:6379",
        new RedisCommandTimeoutException("Connection initialization timed out after 2 second(s)")), "connect", null);
    assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
    assertThat(e.getMessage()).contains("Fix: the server did not complete the TLS handshake");
  }

  @Test
  void translate_untrustedCertificate_saysToTrustItsAuthority() {
    StoreException e = failures.translate(new RedisConnectionException("Unable to connect to cache.local:6379",
        new RuntimeException("PKIX path building failed")), "connect", null);
    assertThat(e.getMessage()).contains("Fix: the server's certificate is not trusted");
  }

  private Kind kindOf(Throwable failure) {
    return failures.translate(failure, "GET", "k").kind();
  }
}
