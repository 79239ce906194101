package dev.lexigram.cache.backend.memcached;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP server that is not memcached: it accepts connections and answers whatever it
 * reads with a fixed reply, or never answers at all. {@link #close()} closes its sockets and threads.
 */
final class FakeServer implements AutoCloseable {

  private final ServerSocket socket;
  private final byte[] reply;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "fake-server");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  private FakeServer(byte[] reply) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.reply = reply;
    threads.execute(this::acceptLoop);
  }

  /** Returns a server that answers every read with the given text. */
  static FakeServer answering(String reply) throws IOException {
    return new FakeServer(reply.getBytes(StandardCharsets.US_ASCII));
  }

  /** Returns a server that reads everything and never answers. */
  static FakeServer silent() throws IOException {
    return new FakeServer(null);
  }

  String kind() {
    return reply == null ? "a silent" : "a garbage-answering";
  }

  String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        accepted.add(connection);
        threads.execute(() -> serve(connection));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket connection) {
    byte[] buffer = new byte[8192];
    try (InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
      while (in.read(buffer) >= 0) {
        if (reply != null) {
          out.write(reply);
          out.flush();
        }
      }
    } catch (IOException e) {
      // the client or close() ended the connection
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket connection : accepted) {
      connection.close();
    }
    threads.shutdownNow();
  }
}
