package dev.lexigram.cache.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One {@code memcached -o modern} child process on a free loopback port, for integration tests
 * and the TCK, optionally with SASL ({@code -S}) for the user of a {@link MemcachedSaslFiles}.
 * {@link #stop()} destroys exactly this process and waits for it. Readiness is checked with a
 * binary-protocol {@code VERSION}, which a SASL server answers before any login.
 */
public final class MemcachedServer implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final int port;
  private final String itemSizeLimit;
  private final MemcachedSaslFiles sasl;

  private MemcachedServer(Process process, int port, String itemSizeLimit, MemcachedSaslFiles sasl) {
    this.process = process;
    this.port = port;
    this.itemSizeLimit = itemSizeLimit;
    this.sasl = sasl;
  }

  /** Starts a server with memcached's default item size limit (1 MiB). */
  public static MemcachedServer start() {
    return start(null);
  }

  /**
   * Starts a server and waits until it answers {@code version}.
   *
   * @param itemSizeLimit the {@code -I} value (at least {@code "16k"}, e.g. {@code "64k"}), or null for the default
   * @throws IllegalStateException if memcached is not on the PATH or does not answer in time
   */
  public static MemcachedServer start(String itemSizeLimit) {
    return start(ServerProcesses.freePort(), itemSizeLimit, null);
  }

  /**
   * Starts a server that admits only {@code username} with {@code password}, over SASL PLAIN and
   * the binary protocol; it refuses text-protocol connections, so {@link #command} does not work
   * on it. The SASL files are deleted when the server stops.
   *
   * @throws IllegalStateException if saslpasswd2 or memcached is missing, or the server offers no PLAIN
   */
  public static MemcachedServer startWithSasl(String username, String password) {
    return start(null, MemcachedSaslFiles.create(username, password));
  }

  /** Starts a server with the given item size limit (or null) and SASL files (or null for no SASL). */
  static MemcachedServer start(String itemSizeLimit, MemcachedSaslFiles sasl) {
    return start(ServerProcesses.freePort(), itemSizeLimit, sasl);
  }

  /**
   * Stops this server if it still runs and starts a new one on the same port with the same item
   * size limit (and SASL user), as a server coming back after an outage; its items are gone.
   */
  public MemcachedServer restart() {
    stop();
    return start(port, itemSizeLimit, sasl == null ? null : sasl.copy());
  }

  private static MemcachedServer start(int port, String itemSizeLimit, MemcachedSaslFiles sasl) {
    String binary = ServerProcesses.findBinary("memcached", "memcached").toString();
    List<String> command = new ArrayList<>(List.of(binary, "-o", "modern", "-l", HOST, "-p",
        String.valueOf(port), "-U", "0", "-m", "64"));
    if (itemSizeLimit != null) {
      // memcached refuses an -I below its default slab chunk size (512 KiB), so lower that too
      command.addAll(List.of("-I", itemSizeLimit, "-o", "slab_chunk_max=16384"));
    }
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "root")); // memcached refuses to run as root without it
    }
    if (sasl != null) {
      command.add("-S"); // binary protocol only; every command but VERSION and SASL's needs a login
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    if (sasl != null) {
      builder.environment().putAll(sasl.environment());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      if (sasl != null) {
        sasl.delete();
      }
      throw new IllegalStateException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
    MemcachedServer server = new MemcachedServer(process, port, itemSizeLimit, sasl);
    server.awaitVersion();
    if (sasl != null) {
      server.requirePlain();
    }
    return server;
  }

  private void awaitVersion() {
    try {
      Awaitility.await("memcached on port " + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(20))
          .ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("memcached exited with code " + process.exitValue());
            }
            return !MemcachedBinaryProbe.version(HOST, port).isEmpty();
          });
    } catch (ConditionTimeoutException e) {
      stop();
      throw new IllegalStateException("memcached on " + address() + " did not answer `version` within "
          + START_TIMEOUT.toSeconds() + " s", e);
    }
  }

  /**
   * Fails the start unless the server offers SASL PLAIN, the mechanism spymemcached uses: without
   * Cyrus's PLAIN plugin (Debian package libsasl2-modules) it offers none.
   */
  private void requirePlain() {
    List<String> mechanisms;
    try {
      mechanisms = MemcachedBinaryProbe.saslMechanisms(HOST, port);
    } catch (IOException e) {
      stop();
      throw new IllegalStateException("memcached -S on " + address() + " did not list its SASL mechanisms: " + e, e);
    }
    if (!mechanisms.contains("PLAIN")) {
      stop();
      throw new IllegalStateException("memcached -S on " + address() + " offers SASL mechanisms " + mechanisms
          + " but not PLAIN: install it with `sudo apt-get install libsasl2-modules`");
    }
  }

  /** Sends one text-protocol command and returns the first line of the answer (not on a SASL server). */
  public String command(String line) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 1_000);
      socket.setSoTimeout(2_000);
      OutputStream out = socket.getOutputStream();
      out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String answer = in.readLine();
      return answer == null ? "" : answer;
    }
  }

  /** Returns {@code 127.0.0.1:port}. */
  public String address() {
    return HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  /** Returns whether the process is still running. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /**
   * Destroys this server's process (and only it), waits until it has exited and deletes its SASL
   * files if it has any. A second call does nothing.
   */
  public void stop() {
    ServerProcesses.stop(process);
    if (sasl != null) {
      sasl.delete();
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "memcached@" + address();
  }
}
