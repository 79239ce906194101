package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.serial.SerializationException;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where Lettuce's exceptions become {@link StoreException}s (STYLE habit 5). Each
 * message names the backend, its URL with the password masked, the operation and the key; the
 * interrupt flag of an interrupted wait is restored.
 */
final class RedisFailures {

  private static final int MAX_KEY_CHARS = 120;

  private final String backendName;
  private final String maskedUrl;

  /** @param maskedUrl the backend's URL with its password masked ({@code BackendSettings.maskedUrl()}) */
  RedisFailures(String backendName, String maskedUrl) {
    this.backendName = backendName;
    this.maskedUrl = maskedUrl;
  }

  String maskedUrl() {
    return maskedUrl;
  }

  /** Returns the store exception for a failed operation; {@code key} may be null. */
  StoreException translate(Throwable failure, String operation, Object key) {
    Throwable cause = unwrap(failure);
    if (cause instanceof StoreException store) {
      return store;
    }
    Kind kind = kindOf(cause);
    String what = operation + (key == null ? "" : " of key '" + shortKey(key) + "'");
    return new StoreException(kind, describe(what + " failed (" + kind + "): " + reasons(cause) + fixFor(cause)), cause);
  }

  /** Returns the messages of the exception and its causes, e.g. "Unable to connect to …: WRONGPASS …". */
  private static String reasons(Throwable cause) {
    StringBuilder text = new StringBuilder(String.valueOf(cause.getMessage()));
    for (Throwable t = cause.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
        text.append(": ").append(t.getMessage());
      }
    }
    return text.toString();
  }

  private String fixFor(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH")) {
        return ". Fix: check the user name and password in the backend's url or password setting";
      }
      if (message.contains("SELECT is not allowed in cluster mode")) {
        return ". Fix: the server runs in cluster mode, which has only database 0; remove the /database from the url";
      }
      if (message.contains("not an SSL/TLS record")) {
        return ". Fix: the server does not speak TLS on this port; use redis:// or the server's tls-port";
      }
      if (message.contains("initialization timed out") && maskedUrl.startsWith("rediss")) {
        // a plaintext redis-server never answers a TLS hello: it waits for the end of a command line
        return ". Fix: the server did not complete the TLS handshake; if it does not speak TLS on this port,"
            + " use redis:// or the server's tls-port";
      }
      if (t instanceof UnknownHostException) {
        return ". Fix: the url's host name does not resolve on this machine; check its spelling"
            + " (or the name service: DNS, /etc/hosts)";
      }
      if (message.contains("PKIX path") || message.contains("unable to find valid certification path")) {
        return ". Fix: the server's certificate is not trusted; add its certificate authority to the trust store";
      }
    }
    return "";
  }

  /** Returns a message that starts with the backend's name and masked URL. */
  String describe(String text) {
    return "Redis backend '" + backendName + "' at " + maskedUrl + ": " + text;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static Kind kindOf(Throwable cause) {
    if (cause instanceof SerializationException) {
      return Kind.SERIALIZATION;
    }
    if (cause instanceof RedisCommandTimeoutException) {
      return Kind.TIMEOUT;
    }
    if (cause instanceof RedisCommandInterruptedException || cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return Kind.TIMEOUT;
    }
    if (cause instanceof RedisConnectionException) {
      return Kind.CONNECTION;
    }
    String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    if (cause instanceof RedisCommandExecutionException) {
      if (message.contains("bulk length") || message.contains("exceeds maximum") || message.startsWith("oom")) {
        return Kind.CAPACITY;
      }
      if (message.startsWith("noauth") || message.startsWith("wrongpass") || message.startsWith("noperm")) {
        return Kind.CONNECTION;
      }
      return Kind.BACKEND;
    }
    if (message.contains("connection") || message.contains("not connected")) {
      return Kind.CONNECTION; // Lettuce's "Connection is closed", "Currently not connected"
    }
    return Kind.BACKEND;
  }

  private static String shortKey(Object key) {
    String text = String.valueOf(key);
    return text.length() <= MAX_KEY_CHARS ? text : text.substring(0, MAX_KEY_CHARS) + "…";
  }
}
