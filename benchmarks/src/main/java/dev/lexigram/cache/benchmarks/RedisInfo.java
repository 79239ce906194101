package dev.lexigram.cache.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A number from a local {@code redis-server}'s {@code INFO}, asked on a connection of its own (no
 * client library): {@link NearCacheBenchmark} and {@link NearLagProbe} count the commands the
 * server processed ({@code total_commands_processed}) to tell whether reads reached it or a near
 * cache answered them. Each call is one command more for the server, counted by the next call.
 */
final class RedisInfo {

  private RedisInfo() {}

  /** The server's {@code total_commands_processed} (its {@code INFO stats}). */
  static long commandsProcessed(LocalServer redis) {
    return number(redis, "stats", "total_commands_processed");
  }

  /** The numeric field {@code field} of {@code INFO <section>}; fails if the server does not answer it. */
  static long number(LocalServer redis, String section, String field) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", redis.port()), 2_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(("INFO " + section + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String reply = readBulk(socket.getInputStream());
      String prefix = field + ":";
      for (String line : reply.split("\r\n")) {
        if (line.startsWith(prefix)) {
          return Long.parseLong(line.substring(prefix.length()).strip());
        }
      }
      throw new IllegalStateException(redis + ": INFO " + section + " has no " + field);
    } catch (IOException e) {
      throw new UncheckedIOException(redis + ": INFO " + section + " failed", e);
    }
  }

  /** Reads one RESP bulk string reply ({@code $len\r\n...\r\n}) and returns its text. */
  private static String readBulk(InputStream in) throws IOException {
    StringBuilder header = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the connection closed before the reply");
      }
      header.append((char) c);
    }
    String line = header.toString().strip();
    if (!line.startsWith("$")) {
      throw new IOException("unexpected reply " + line);
    }
    byte[] body = in.readNBytes(Integer.parseInt(line.substring(1)));
    return new String(body, StandardCharsets.US_ASCII);
  }
}
