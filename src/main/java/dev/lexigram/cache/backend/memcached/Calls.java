package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.OperationTimeoutException;
import net.spy.memcached.ops.OperationStatus;
import net.spy.memcached.ops.StatusCode;

/**
 * The boundary between spymemcached and the store SPI: issues client calls, waits for them within
 * the backend's timeout, and turns every client failure into a {@link StoreException} that names
 * the backend, the operation, the item and the server. An interrupted wait keeps the thread's
 * interrupt flag and fails as {@link Kind#TIMEOUT}. Thread-safe.
 */
final class Calls {

  private final String backend;
  private final MemcachedClient client;
  private final long timeoutMillis;

  Calls(String backend, MemcachedClient client, long timeoutMillis) {
    this.backend = backend;
    this.client = client;
    this.timeoutMillis = timeoutMillis;
  }

  /** Issues one call and waits for its result. */
  <T> T call(String operation, String item, Supplier<? extends Future<T>> call) {
    return await(issue(operation, item, call), operation, item);
  }

  /** Issues one call without waiting, for pipelines. */
  <F extends Future<?>> F issue(String operation, String item, Supplier<F> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw translate(e, operation, item);
    }
  }

  /** Waits for an issued call within the timeout. */
  <T> T await(Future<T> future, String operation, String item) {
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(false);
      throw failure(Kind.TIMEOUT, operation, item, "interrupted while waiting for the server", e);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw failure(Kind.TIMEOUT, operation, item, "no answer within " + timeoutMillis + " ms", e);
    } catch (ExecutionException e) {
      throw translate(e.getCause() == null ? e : e.getCause(), operation, item);
    } catch (RuntimeException e) {
      throw translate(e, operation, item);
    }
  }

  /**
   * Fails a read that completed without a value when its status says it was cancelled. The
   * reading client merges gets queued for a server into one multi-get; when the connection drops,
   * spymemcached cancels the merged operation and completes each merged get with no value and a
   * CANCELLED status, without marking that get cancelled, so its future answers null, which would
   * read as a miss on a server that is down.
   */
  void requireAnswered(OperationStatus status, String operation, String item) {
    if (status != null && status.getStatusCode() == StatusCode.CANCELLED) {
      throw refused(status, operation, item);
    }
  }

  /** Returns the failure for a call the server answered with an error status. */
  StoreException refused(OperationStatus status, String operation, String item) {
    String detail = "the server answered " + status.getStatusCode() + " (" + status.getMessage() + ")";
    Kind kind = switch (status.getStatusCode()) {
      case ERR_2BIG, ERR_NO_MEM -> Kind.CAPACITY;
      case CANCELLED -> Kind.CONNECTION;
      case TIMEDOUT -> Kind.TIMEOUT;
      default -> Kind.BACKEND;
    };
    return failure(kind, operation, item, detail, null);
  }

  StoreException failure(Kind kind, String operation, String item, String detail, Throwable cause) {
    return new StoreException(kind, "memcached backend '" + backend + "': " + operation + " of '" + item
        + "' on " + serverOf(item) + " failed: " + detail, cause);
  }

  private StoreException translate(Throwable t, String operation, String item) {
    if (t instanceof StoreException store) {
      return store;
    }
    if (Thread.currentThread().isInterrupted()) {
      // spymemcached turns an interrupted enqueue into IllegalStateException; the flag stays set
      return failure(Kind.TIMEOUT, operation, item, "interrupted while waiting for the server", t);
    }
    if (t instanceof OperationTimeoutException || t instanceof TimeoutException) {
      return failure(Kind.TIMEOUT, operation, item, "no answer within " + timeoutMillis + " ms", t);
    }
    if (t instanceof CancellationException) {
      return failure(Kind.CONNECTION, operation, item, "the server is unreachable (call cancelled)", t);
    }
    if (t instanceof IllegalStateException) {
      return failure(Kind.CONNECTION, operation, item, "the client is shut down or its queue is full: " + t.getMessage(), t);
    }
    if (t instanceof IOException) {
      return failure(Kind.CONNECTION, operation, item, t.toString(), t);
    }
    if (t instanceof IllegalArgumentException) {
      return failure(Kind.INVALID_KEY, operation, item, t.getMessage(), t);
    }
    return failure(Kind.BACKEND, operation, item, t.toString(), t);
  }

  /** Returns the server the item hashes to, or a placeholder when the client cannot say. */
  String serverOf(String item) {
    try {
      SocketAddress address = client.getNodeLocator().getPrimary(item).getSocketAddress();
      return String.valueOf(address);
    } catch (RuntimeException e) {
      return "(unknown server: " + e.getMessage() + ")";
    }
  }
}
