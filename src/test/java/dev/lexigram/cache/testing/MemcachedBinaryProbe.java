package dev.lexigram.cache.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Asks a memcached one question over the binary protocol, the only one a server started with
 * {@code -S} speaks (it closes a text-protocol connection at its first byte). It answers
 * {@code VERSION} and {@code SASL_LIST_MECHS} before any login, which tells a test harness that
 * the server is up and which SASL mechanisms it offers.
 */
final class MemcachedBinaryProbe {

  private static final int HEADER_BYTES = 24;
  private static final byte REQUEST = (byte) 0x80;
  private static final byte RESPONSE = (byte) 0x81;
  private static final byte VERSION = 0x0b;
  private static final byte SASL_LIST_MECHS = 0x20;

  private MemcachedBinaryProbe() {}

  /** Returns the server's version, e.g. {@code 1.6.18}. */
  static String version(String host, int port) throws IOException {
    return ask(host, port, VERSION);
  }

  /** Returns the SASL mechanisms the server offers, e.g. {@code [PLAIN]}. */
  static List<String> saslMechanisms(String host, int port) throws IOException {
    String answer = ask(host, port, SASL_LIST_MECHS).strip();
    return answer.isEmpty() ? List.of() : List.of(answer.split(" "));
  }

  /** Sends one request without key, extras or value; returns the answer's value as text. */
  private static String ask(String host, int port, byte opcode) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      socket.setSoTimeout(2_000);
      OutputStream out = socket.getOutputStream();
      out.write(ByteBuffer.allocate(HEADER_BYTES).put(0, REQUEST).put(1, opcode).array());
      out.flush();
      InputStream in = socket.getInputStream();
      ByteBuffer header = ByteBuffer.wrap(in.readNBytes(HEADER_BYTES));
      if (header.limit() < HEADER_BYTES || header.get(0) != RESPONSE || header.get(1) != opcode) {
        throw new IOException("no binary-protocol answer to opcode " + opcode);
      }
      short status = header.getShort(6);
      byte[] body = in.readNBytes(header.getInt(8));
      String text = new String(body, StandardCharsets.US_ASCII);
      if (status != 0) {
        throw new IOException("opcode " + opcode + " answered status " + status + ": " + text);
      }
      return text;
    }
  }
}
