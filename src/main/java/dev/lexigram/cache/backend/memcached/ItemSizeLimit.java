package dev.lexigram.cache.backend.memcached;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The smallest item size limit ({@code -I}, {@code item_size_max}) of the backend's servers, read
 * once with {@code stats settings} over a text connection and then kept. While no server has
 * answered (asked again at most every 5 s), {@link #bytes()} returns 0 (unknown) and the server's own refusal is the only check.
 * Thread-safe.
 */
final class ItemSizeLimit {

  /** What memcached adds to a value besides the name: item header, CAS and terminator. */
  static final int ITEM_OVERHEAD = 64;

  private final List<InetSocketAddress> servers;
  private final int timeoutMillis;
  private static final long RETRY_NANOS = 5_000_000_000L;

  private volatile long bytes;
  private volatile long lastAttempt = System.nanoTime() - RETRY_NANOS;

  ItemSizeLimit(List<InetSocketAddress> servers, int timeoutMillis) {
    this.servers = List.copyOf(servers);
    this.timeoutMillis = timeoutMillis;
  }

  /** Returns the limit in bytes, or 0 if no server has told it yet. */
  long bytes() {
    long known = bytes;
    if (known > 0 || System.nanoTime() - lastAttempt < RETRY_NANOS) {
      return known;
    }
    lastAttempt = System.nanoTime();
    long smallest = 0;
    for (InetSocketAddress server : servers) {
      long limit = read(server);
      if (limit > 0 && (smallest == 0 || limit < smallest)) {
        smallest = limit;
      }
    }
    bytes = smallest;
    return smallest;
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
        if (!line.startsWith("STAT ")) {
          return 0;
        }
      }
      return 0;
    } catch (IOException | NumberFormatException e) {
      return 0; // unknown: the server's own E2BIG answer still catches an oversize item
    }
  }
}
