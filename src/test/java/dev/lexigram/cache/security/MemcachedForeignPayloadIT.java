package dev.lexigram.cache.security;

import dev.lexigram.cache.testing.MemcachedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link ForeignPayloadContract} on a real memcached, planting bytes over the text protocol on a raw socket. */
class MemcachedForeignPayloadIT extends ForeignPayloadContract {

  private static MemcachedServer server;
  /** The flags the store's client gave the item, kept when the bytes are replaced. */
  private String flags = "0";

  @BeforeAll
  static void start() {
    server = MemcachedServer.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Override
  String backendYaml() {
    return "    - name: shared\n      type: memcached\n      servers: [\"" + server.address() + "\"]\n";
  }

  @Override
  byte[] rawGet(String name) throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(("get " + name + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String header = readLine(in);
      if (header.equals("END")) {
        return null;
      }
      String[] parts = header.split(" "); // VALUE <name> <flags> <bytes>
      flags = parts[2];
      byte[] value = in.readNBytes(Integer.parseInt(parts[3]));
      readLine(in); // the value's \r\n
      readLine(in); // END
      return value;
    }
  }

  @Override
  void rawSet(String name, byte[] value) throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(("set " + name + " " + flags + " 0 " + value.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(value);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String reply = readLine(socket.getInputStream());
      if (!reply.equals("STORED")) {
        throw new IOException("memcached refused the raw set: " + reply);
      }
    }
  }

  @Override
  void flush() throws IOException {
    server.command("flush_all");
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
