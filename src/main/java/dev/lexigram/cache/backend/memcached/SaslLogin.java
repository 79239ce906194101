package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.spy.memcached.auth.AuthDescriptor;
import net.spy.memcached.auth.PlainCallbackHandler;

/**
 * The backend's SASL login, checked against every server when the backend opens, over a
 * binary-protocol connection of its own, because spymemcached reports no failed login: it logs
 * it, reconnects and logs in again every 100 ms for ever, and each call meanwhile ends as
 * {@code CANCELLED} or a timeout that says nothing about authentication. So a definite refusal
 * fails the backend at once, with the fix, like a wrong Redis password does:
 * <ul>
 *   <li>with credentials, {@code SASL_AUTH PLAIN} answered "auth error": wrong user name or password;
 *   <li>with credentials, answered "unknown command": the server has no SASL (no {@code -S});
 *   <li>without credentials, {@code NOOP} answered "auth error": the server requires SASL.
 * </ul>
 * A server that answers something other than memcached's binary protocol is no memcached (the
 * backend fails, as {@link ItemSizeLimit}'s probe fails a backend without SASL); one that refuses
 * the connection or stays silent is left to the calls. Messages name the user, never the password.
 *
 * <p>Logins use PLAIN only ({@link #authDescriptor}): spymemcached's {@code AuthDescriptor.typical}
 * offers CRAM-MD5 first, which the JDK's SASL client then picks, and a server configured with
 * {@code mech_list: plain} (usual with memcached's Cyrus SASL; checked on 1.6.18) refuses it
 * ("Couldn't find mech CRAM-MD5"), so every login failed, even with the right password.
 */
final class SaslLogin {

  private static final int HEADER_BYTES = 24;
  private static final byte REQUEST = (byte) 0x80;
  private static final byte RESPONSE = (byte) 0x81;
  private static final byte NOOP = 0x0a;
  private static final byte SASL_AUTH = 0x21;
  private static final short AUTH_ERROR = 0x20;
  private static final short UNKNOWN_COMMAND = 0x81;
  private static final String MECHANISM = "PLAIN";

  private final BackendSettings settings;
  private final int timeoutMillis;

  SaslLogin(BackendSettings settings, int timeoutMillis) {
    this.settings = settings;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Whether the backend logs in: a user name that is not blank (an unset {@code ${MEMCACHED_USER:}}
   * resolves to an empty one, which means no SASL).
   */
  static boolean configured(BackendSettings settings) {
    return settings.username() != null && !settings.username().isBlank();
  }

  /** Returns spymemcached's login with the backend's user and password over PLAIN. */
  static AuthDescriptor authDescriptor(BackendSettings settings) {
    return new AuthDescriptor(new String[] {MECHANISM}, new PlainCallbackHandler(settings.username(), passwordOf(settings)));
  }

  /** Returns the backend's password, empty when none is set (PLAIN then sends an empty one). */
  private static String passwordOf(BackendSettings settings) {
    return settings.password() == null ? "" : settings.password();
  }

  /**
   * Logs in to every server (or, without credentials, asks whether it needs a login).
   *
   * @throws StoreException CONNECTION if a server refuses the login, has no SASL while the backend
   *     has credentials, or requires SASL while the backend has none
   */
  void check(List<InetSocketAddress> servers) {
    for (InetSocketAddress server : servers) {
      check(server);
    }
  }

  private void check(InetSocketAddress server) {
    boolean login = configured(settings);
    Answer answer;
    try {
      answer = login ? ask(server, SASL_AUTH, MECHANISM, plainResponse()) : ask(server, NOOP, "", new byte[0]);
    } catch (IOException e) {
      return; // unreachable, silent or no memcached: the calls (and ItemSizeLimit's probe) report it
    }
    if (answer.status() == AUTH_ERROR) {
      throw login
          ? failure(server, "SASL authentication as user '" + settings.username() + "' failed: the server answered '"
              + answer.text() + "'. Fix: check the backend's username and password against the server's SASL users")
          : failure(server, "the server requires SASL authentication (it answered '" + answer.text()
              + "'). Fix: set the backend's username and password");
    }
    if (login && answer.status() == UNKNOWN_COMMAND) {
      throw failure(server, "the server does not support SASL authentication, yet the backend has a username."
          + " Fix: remove username and password from the backend, or start memcached with -S");
    }
  }

  /** PLAIN's one message: no authorization identity, the user, the password (RFC 4616). */
  private byte[] plainResponse() {
    return ("\0" + settings.username() + "\0" + passwordOf(settings)).getBytes(StandardCharsets.UTF_8);
  }

  private record Answer(short status, String text) {}

  /** Sends one binary-protocol request and returns the status and text of the answer. */
  private Answer ask(InetSocketAddress server, byte opcode, String key, byte[] value) throws IOException {
    byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer request = ByteBuffer.allocate(HEADER_BYTES + keyBytes.length + value.length)
        .put(0, REQUEST).put(1, opcode).putShort(2, (short) keyBytes.length) // no extras, opaque or CAS
        .putInt(8, keyBytes.length + value.length)
        .put(HEADER_BYTES, keyBytes).put(HEADER_BYTES + keyBytes.length, value);
    try (Socket socket = new Socket()) {
      socket.connect(server, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(request.array());
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(HEADER_BYTES);
      if (head.length > 0 && head[0] != RESPONSE) {
        throw notMemcached(server, head);
      }
      ByteBuffer header = ByteBuffer.wrap(head);
      if (header.limit() < HEADER_BYTES || header.get(1) != opcode) {
        throw new IOException("no complete binary-protocol answer");
      }
      byte[] body = in.readNBytes(Math.max(0, Math.min(header.getInt(8), 4096)));
      return new Answer(header.getShort(6), new String(body, StandardCharsets.UTF_8).strip());
    }
  }

  private StoreException notMemcached(InetSocketAddress server, byte[] answer) {
    String shown = new String(answer, StandardCharsets.US_ASCII).replaceAll("[^\\x20-\\x7e]", "?").strip();
    return new StoreException(Kind.CONNECTION, "memcached backend '" + settings.name() + "': "
        + server.getHostString() + ":" + server.getPort() + " is not a memcached server: it answered a"
        + " binary-protocol request with '" + shown + "…'. Fix: check the host and port in servers");
  }

  private StoreException failure(InetSocketAddress server, String text) {
    return new StoreException(Kind.CONNECTION, "memcached backend '" + settings.name() + "': "
        + server.getHostString() + ":" + server.getPort() + ": " + text);
  }
}
