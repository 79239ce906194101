package dev.lexigram.cache.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The lexigram backend a harness trial opens its manager on: {@code memory}, or {@code redis} or
 * {@code memcached} on a fresh server of their own ({@link LocalServer}, on a free loopback port),
 * with the lines that declare it under {@code cache.backends} in the trial's YAML file. Closing it
 * stops the server, if any.
 *
 * @param store memory, redis or memcached
 * @param name the backend's name in the YAML file: {@code local} (memory) or {@code shared} (Redis,
 *     memcached)
 * @param yaml the lines of {@code cache.backends} that declare the backend, each ending in a newline
 * @param server the server the backend runs on; null for memory
 */
record TrialBackend(String store, String name, String yaml, LocalServer server) implements AutoCloseable {

  static final List<String> STORES = List.of("memory", "redis", "memcached");

  /** Starts {@code store} (one of {@link #STORES}); memcached with its default memory. */
  static TrialBackend start(String store, Path dir) {
    return start(store, dir, LocalServer::memcached);
  }

  /** Starts {@code store} (one of {@link #STORES}); memcached with {@code -m memcachedMegabytes}. */
  static TrialBackend start(String store, Path dir, int memcachedMegabytes) {
    return start(store, dir, d -> LocalServer.memcached(d, memcachedMegabytes));
  }

  private static TrialBackend start(String store, Path dir, Function<Path, LocalServer> memcached) {
    return switch (store) {
      case "memory" -> memory();
      case "redis" -> remote(store, LocalServer.redis(dir), "url: redis://%s");
      case "memcached" -> remote(store, memcached.apply(dir), "servers: [\"%s\"]");
      default -> throw new IllegalArgumentException("Unknown store '" + store + "'; use one of " + STORES);
    };
  }

  /** The memory backend: no server, nothing to start or stop. */
  static TrialBackend memory() {
    return new TrialBackend("memory", "local", "    - name: local\n      type: memory\n", null);
  }

  private static TrialBackend remote(String store, LocalServer server, String location) {
    return new TrialBackend(store, "shared", "    - name: shared\n      type: " + store + "\n      "
        + location.formatted(server.address()) + "\n", server);
  }

  /** Whether the backend is a server (Redis, memcached) that a second manager can share. */
  boolean isShared() {
    return server != null;
  }

  /**
   * The server's memory in bytes: Redis {@code INFO memory} used_memory or memcached {@code stats}
   * bytes; -1 for the memory backend or when the server does not answer.
   */
  long usedBytes() {
    if (server == null) {
      return -1;
    }
    boolean redis = store.equals("redis");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      String command = redis ? "INFO memory\r\n" : "stats\r\n";
      String field = redis ? "used_memory:" : "STAT bytes ";
      out.write(command.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      StringBuilder reply = new StringBuilder();
      byte[] buffer = new byte[8192];
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        reply.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        String text = reply.toString();
        if (redis ? complete(text) : text.endsWith("END\r\n")) {
          break;
        }
      }
      for (String line : reply.toString().split("\r\n")) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).strip());
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      System.out.println("    (could not read the server's memory: " + e + ")");
      return -1;
    }
  }

  /** Whether a RESP bulk string reply ({@code $len\r\n…\r\n}) has arrived whole. */
  private static boolean complete(String text) {
    int header = text.indexOf("\r\n");
    if (!text.startsWith("$") || header < 0) {
      return text.startsWith("-");
    }
    int length = Integer.parseInt(text.substring(1, header));
    return text.getBytes(StandardCharsets.US_ASCII).length >= header + 2 + length + 2;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
