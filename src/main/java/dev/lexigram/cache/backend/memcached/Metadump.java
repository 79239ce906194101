package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Lists item names with {@code lru_crawler metadump all}, the only key listing memcached has
 * (1.4.31+, always on with {@code -o modern}), over a plain text-protocol connection of its own
 * to every server; spymemcached speaks the binary protocol and has no such command.
 *
 * <p>Limits: a pass walks each server's LRUs while other clients keep writing, so an item written
 * during the pass may be missed by it, and one deleted during it may still be listed. With the
 * segmented LRU of {@code -o modern}, the server also moves items between its hot, warm and cold
 * lists as they are read, and an item that moves while the crawler walks may be missed even though
 * nobody wrote it. {@link #names} therefore unites passes until one adds nothing; that lowers the
 * odds, it is no guarantee. Known open gap: in the TCK an item written and then read a moment
 * before a dump was missed by every pass for about 100 ms (suspected: the crawler skips items a
 * pending asynchronous LRU bump still references). Expired items are skipped by the server. The crawler serves one request at a time per server; a request that
 * meets a busy crawler (another dump, or memcached's own background crawl) is retried for up to
 * ten times the operation timeout. Servers that require SASL refuse text commands, so enumeration
 * fails there with {@link Kind#UNSUPPORTED}. Thread-safe; each call opens its own connections.
 */
final class Metadump {

  private static final String COMMAND = "lru_crawler metadump all\r\n";
  static final int MIN_PASSES = 2;
  static final int MAX_PASSES = 5;

  private final String backend;
  private final List<InetSocketAddress> servers;
  private final int timeoutMillis;

  Metadump(String backend, List<InetSocketAddress> servers, int timeoutMillis) {
    this.backend = backend;
    this.servers = List.copyOf(servers);
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Returns the names on every server that the filter accepts: the union of passes, repeated
   * until a pass adds no name (at least {@value #MIN_PASSES}, at most {@value #MAX_PASSES}).
   */
  Set<String> names(Predicate<String> filter) {
    Set<String> names = new LinkedHashSet<>();
    for (int pass = 1; pass <= MAX_PASSES; pass++) {
      boolean added = false;
      for (InetSocketAddress server : servers) {
        added |= names.addAll(names(server, filter));
      }
      if (!added && pass >= MIN_PASSES) {
        break;
      }
    }
    return names;
  }

  private List<String> names(InetSocketAddress server, Predicate<String> filter) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10L * timeoutMillis);
    long pauseNanos = TimeUnit.MILLISECONDS.toNanos(1);
    while (true) {
      List<String> names = new ArrayList<>();
      String refusal = dump(server, filter, names);
      if (refusal == null) {
        return names;
      }
      if (!refusal.startsWith("BUSY")) {
        throw new StoreException(Kind.UNSUPPORTED, prefix(server) + "the server refused it: '" + refusal
            + "'. Fix: run memcached 1.5 or later (or 1.4.31+ with -o modern) without SASL");
      }
      if (System.nanoTime() > deadline) {
        throw new StoreException(Kind.TIMEOUT, prefix(server) + "its LRU crawler stayed busy for "
            + 10L * timeoutMillis + " ms");
      }
      LockSupport.parkNanos(pauseNanos);
      if (Thread.currentThread().isInterrupted()) {
        throw new StoreException(Kind.TIMEOUT, prefix(server) + "interrupted while the crawler was busy");
      }
      pauseNanos = Math.min(pauseNanos * 2, TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /** Runs one dump into {@code names}; returns null when it completed, else the server's refusal. */
  private String dump(InetSocketAddress server, Predicate<String> filter, List<String> names) {
    try (Socket socket = new Socket()) {
      socket.connect(server, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(COMMAND.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals("END")) {
          return null;
        }
        if (!line.startsWith("key=")) {
          return line;
        }
        int end = line.indexOf(' ');
        String name = URLDecoder.decode(line.substring(4, end < 0 ? line.length() : end), StandardCharsets.UTF_8);
        if (filter.test(name)) {
          names.add(name);
        }
      }
      throw new StoreException(Kind.CONNECTION, prefix(server) + "the server closed the connection before END");
    } catch (SocketTimeoutException e) {
      throw new StoreException(Kind.TIMEOUT, prefix(server) + "no answer within " + timeoutMillis + " ms", e);
    } catch (IOException e) {
      throw new StoreException(Kind.CONNECTION, prefix(server) + e, e);
    }
  }

  private String prefix(InetSocketAddress server) {
    return "memcached backend '" + backend + "': listing keys with lru_crawler metadump on "
        + server.getHostString() + ":" + server.getPort() + " failed: ";
  }
}
