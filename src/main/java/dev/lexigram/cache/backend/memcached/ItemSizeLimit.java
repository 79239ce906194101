package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The smallest item size limit ({@code -I}, {@code item_size_max}) of the backend's servers, read
 * with {@code stats settings} over a text connection when the backend opens and then kept. The
 * same probe tells a server that answers but is no memcached (a wrong port), which fails the
 * backend at once; a server that refuses the connection or stays silent is left to the calls,
 * which fail with CONNECTION or TIMEOUT. While no server has told its limit, {@link #bytes()}
 * returns 0 (unknown, the server's own refusal is then the only check) and asks again in the
 * background at most every 5 s, so a call never waits for the probe. Given no servers (a SASL
 * backend, whose servers refuse text commands) it never asks and the limit stays unknown.
 * Thread-safe.
 */
final class ItemSizeLimit {

  private static final Logger LOG = LoggerFactory.getLogger(ItemSizeLimit.class);

  /** What memcached adds to a value besides the name: item header, CAS and terminator. */
  static final int ITEM_OVERHEAD = 64;
  private static final long RETRY_NANOS = 5_000_000_000L;

  private final String backend;
  private final List<InetSocketAddress> servers;
  private final int timeoutMillis;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile long bytes;
  private volatile long lastProbe;

  ItemSizeLimit(String backend, List<InetSocketAddress> servers, int timeoutMillis) {
    this.backend = backend;
    this.servers = List.copyOf(servers);
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Asks every server for its limit now and keeps the smallest.
   *
   * @throws StoreException CONNECTION if a server answers with something no memcached says
   */
  void probe() {
    lastProbe = System.nanoTime();
    long smallest = 0;
    for (InetSocketAddress server : servers) {
      long limit = read(server);
      if (limit > 0 && (smallest == 0 || limit < smallest)) {
        smallest = limit;
      }
    }
    bytes = smallest;
  }

  /** Returns the limit in bytes, or 0 if no server has told it yet. */
  long bytes() {
    long known = bytes;
    if (known == 0 && !servers.isEmpty() && System.nanoTime() - lastProbe >= RETRY_NANOS
        && probing.compareAndSet(false, true)) {
      CompletableFuture.runAsync(() -> {
        try {
          probe();
        } catch (StoreException e) {
          LOG.warn("{}", e.getMessage());
        } finally {
          probing.set(false);
        }
      });
    }
    return known;
  }

  private long read(InetSocketAddress server) {
    try (Socket socket = new Socket()) {
      socket.connect(server, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      socket.getOutputStream().write("stats settings\r\n".getBytes(StandardCharsets.US_ASCII));
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      for (String line = in.readLine(); line != null && !line.equals("END"); line = in.readLine()) {
        if (line.startsWith("STAT item_size_max ")) {
          return Long.parseLong(line.substring("STAT item_size_max ".length()).trim());
        }
        if (line.startsWith("ERROR") || line.startsWith("CLIENT_ERROR") || line.startsWith("SERVER_ERROR")) {
          return 0; // memcached that will not tell (e.g. SASL only): unknown
        }
        if (!line.startsWith("STAT ")) {
          throw notMemcached(server, line);
        }
      }
      return 0;
    } catch (IOException | NumberFormatException e) {
      return 0; // unreachable or silent: its calls fail on their own; the server's E2BIG still guards sizes
    }
  }

  private StoreException notMemcached(InetSocketAddress server, String line) {
    String shown = line.length() > 80 ? line.substring(0, 80) + "…" : line;
    return new StoreException(Kind.CONNECTION, "memcached backend '" + backend + "': " + server.getHostString() + ":"
        + server.getPort() + " is not a memcached server: it answered `stats settings` with '" + shown
        + "'. Fix: check the host and port in servers");
  }
}
