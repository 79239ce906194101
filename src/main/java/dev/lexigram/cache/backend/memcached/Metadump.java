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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists item names with {@code lru_crawler metadump}, the only key listing memcached has, over a
 * plain text-protocol connection of its own to every server; spymemcached speaks the binary
 * protocol and has no such command.
 *
 * <p>Two walks exist. {@code metadump hash} (memcached 1.6.x; the tests run 1.6.18) walks the hash
 * table, which holds every live item, and is used first. {@code metadump all} (1.4.31+, always on
 * with {@code -o modern}) walks the LRUs instead, and misses items that are between two LRUs: with
 * the segmented LRU of {@code -o modern} a read moves an item to another list asynchronously, and
 * until the LRU maintainer relinks it (tens of ms) the item is in no list. Measured on 1.6.18,
 * 200 items written, each read twice and then dumped: {@code all} missed 89 to 194 of them,
 * {@code hash} none. A server that refuses {@code hash} (older than the hash walk) is remembered
 * and walked with {@code all} from then on, which therefore unites passes until one adds nothing
 * (at least {@value #MIN_LRU_PASSES}, at most {@value #MAX_LRU_PASSES}); that lowers the odds of a
 * miss, it is no guarantee. On both walks an item written during a pass may be missed by it and
 * one deleted during it may still be listed. Expired items are skipped by the server.
 *
 * <p>The crawler serves one request at a time per server; a request that meets a busy crawler
 * (another dump, or memcached's own background crawl) is retried for up to ten times the
 * operation timeout. Servers that require SASL speak only the binary protocol and close a text
 * connection at its first byte, so on a backend that logs in with SASL enumeration fails at once
 * with {@link Kind#UNSUPPORTED}, without asking (checked on memcached 1.6.18 with {@code -S}).
 * Thread-safe; each call opens its own connections.
 */
final class Metadump {

  private static final Logger LOG = LoggerFactory.getLogger(Metadump.class);
  private static final String HASH_WALK = "lru_crawler metadump hash\r\n";
  private static final String LRU_WALK = "lru_crawler metadump all\r\n";
  static final int MIN_LRU_PASSES = 2;
  static final int MAX_LRU_PASSES = 5;

  private final String backend;
  private final List<InetSocketAddress> servers;
  private final int timeoutMillis;
  private final Set<InetSocketAddress> lruOnly = ConcurrentHashMap.newKeySet();
  private final boolean sasl;

  /** @param sasl whether the backend logs in with SASL, so its servers refuse text commands */
  Metadump(String backend, List<InetSocketAddress> servers, int timeoutMillis, boolean sasl) {
    this.backend = backend;
    this.servers = List.copyOf(servers);
    this.timeoutMillis = timeoutMillis;
    this.sasl = sasl;
  }

  /**
   * Returns the names on every server that the filter accepts.
   *
   * @throws StoreException UNSUPPORTED on a SASL backend
   */
  Set<String> names(Predicate<String> filter) {
    if (sasl) {
      throw new StoreException(Kind.UNSUPPORTED, "memcached backend '" + backend + "': listing keys (iteration,"
          + " clear(), removeAll(), deletePattern) needs `lru_crawler metadump` over the text protocol,"
          + " which a memcached that requires SASL refuses. Fix: put caches you iterate or clear on a backend"
          + " without username and password (a memcached without -S reachable only from trusted hosts),"
          + " or call only key-based operations on this one");
    }
    Set<String> names = new LinkedHashSet<>();
    for (InetSocketAddress server : servers) {
      names.addAll(names(server, filter));
    }
    return names;
  }

  /** Returns one hash walk of the server, or the union of LRU walks when it has no hash walk. */
  private Set<String> names(InetSocketAddress server, Predicate<String> filter) {
    Set<String> names = new LinkedHashSet<>();
    for (int pass = 1; ; pass++) {
      boolean added = names.addAll(walk(server, filter));
      if (!lruOnly.contains(server) || pass >= MAX_LRU_PASSES || (!added && pass >= MIN_LRU_PASSES)) {
        return names;
      }
    }
  }

  private List<String> walk(InetSocketAddress server, Predicate<String> filter) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10L * timeoutMillis);
    long pauseNanos = TimeUnit.MILLISECONDS.toNanos(1);
    while (true) {
      boolean hashWalk = !lruOnly.contains(server);
      List<String> names = new ArrayList<>();
      String refusal = dump(server, hashWalk ? HASH_WALK : LRU_WALK, filter, names);
      if (refusal == null) {
        return names;
      }
      if (!refusal.startsWith("BUSY")) {
        if (!hashWalk) {
          throw new StoreException(Kind.UNSUPPORTED, prefix(server) + "the server refused it: '" + refusal
              + "'. Fix: run memcached 1.5 or later (or 1.4.31+ with -o modern) without SASL");
        }
        lruOnly.add(server);
        LOG.info("memcached backend '{}': {} has no `lru_crawler metadump hash` (it answered '{}'); listing keys"
            + " with the LRU walk, which can miss items just read. Upgrade to memcached 1.6 for exact listings",
            backend, server, refusal);
        continue;
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
  private String dump(InetSocketAddress server, String command, Predicate<String> filter, List<String> names) {
    try (Socket socket = new Socket()) {
      socket.connect(server, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(command.getBytes(StandardCharsets.US_ASCII));
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
