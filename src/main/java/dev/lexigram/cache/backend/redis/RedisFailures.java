package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.serial.SerializationException;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where Lettuce's exceptions become {@link StoreException}s (STYLE habit 5). Each
 * message names the backend, its URL with the password masked, the operation and the key; the
 * interrupt flag of an interrupted wait is restored.
 */
final class RedisFailures {

  private static final String MASK = "***";
  private static final int MAX_KEY_CHARS = 120;

  private final String backendName;
  private final String maskedUrl;

  RedisFailures(String backendName, String url) {
    this.backendName = backendName;
    this.maskedUrl = maskUrl(url);
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

  private static String fixFor(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH")) {
        return ". Fix: check the user name and password in the backend's url or password setting";
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

  /**
   * Returns the URL with the password of its user info replaced by {@value #MASK}; user info
   * without a colon is a password to Lettuce, so it is masked whole. Everything up to the last
   * {@code @} counts as user info, so an unencoded {@code /} or {@code #} in a password is masked too.
   */
  static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    int schemeEnd = url.indexOf("://");
    int start = schemeEnd + 3;
    int at = url.lastIndexOf('@');
    if (schemeEnd < 0 || at < start) {
      return url;
    }
    int colon = url.indexOf(':', start);
    String user = colon >= 0 && colon < at ? url.substring(start, colon + 1) : "";
    return url.substring(0, start) + user + MASK + url.substring(at);
  }
}
