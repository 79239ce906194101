package dev.lexigram.cache.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One {@code redis-server} child process on a free loopback port, without persistence. {@link #start}
 * returns once the server answers {@code PING}; {@link #stop} destroys exactly this process and
 * waits for it. A missing binary fails with one line that says how to install it.
 */
public final class RedisServer implements AutoCloseable {

  private static final String BINARY = "redis-server";
  private static final Duration STARTUP = Duration.ofSeconds(15);

  private final Process process;
  private final int port;
  private final Path log;
  private final Path binary;
  private final boolean tls;
  private final List<String> extraOptions;
  /** Arguments before the options: a config file and {@code --sentinel} for a Sentinel; else none. */
  private final List<String> leading;

  private RedisServer(Process process, int port, Path log, Path binary, boolean tls, List<String> leading,
      List<String> extraOptions) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.binary = binary;
    this.tls = tls;
    this.extraOptions = List.copyOf(extraOptions);
    this.leading = List.copyOf(leading);
  }

  /** Starts a plain server; see {@link #start(List)}. */
  public static RedisServer start() {
    return start(List.of());
  }

  /**
   * Starts a server with extra command-line options (e.g. {@code --proto-max-bulk-len 1mb}) and
   * returns once it answers {@code PING}.
   *
   * @throws IllegalStateException if {@code redis-server} is not on the PATH or does not answer in time
   */
  public static RedisServer start(List<String> extraOptions) {
    return start(false, extraOptions);
  }

  /**
   * Starts a server that speaks only TLS (no plaintext port) with the given certificates and admits
   * only their ACL user, and returns once its TLS port accepts connections.
   */
  public static RedisServer startTls(RedisTlsFiles files) {
    return start(true, files.serverOptions());
  }

  /**
   * Starts {@code redis-server <configFile> --sentinel} on a free loopback port and returns once it
   * answers {@code PING}; the file must be writable (a Sentinel rewrites it).
   */
  static RedisServer startSentinel(Path configFile) {
    return start(false, List.of(configFile.toString(), "--sentinel"), List.of());
  }

  private static RedisServer start(boolean tls, List<String> extraOptions) {
    return start(tls, List.of(), extraOptions);
  }

  private static RedisServer start(boolean tls, List<String> leading, List<String> extraOptions) {
    Path binary = ServerProcesses.findBinary(BINARY, "redis-server");
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = ServerProcesses.freePort();
      try {
        return launch(binary, port, tls, leading, extraOptions);
      } catch (IllegalStateException e) {
        last = e; // most likely another process took the port between probe and bind: try another
      }
    }
    throw last;
  }

  /**
   * Stops this server if it still runs and starts a fresh one (empty, no scripts loaded) on the
   * same port with the same options, for tests of what clients do when a server comes back.
   *
   * @return the new server; this one stays stopped
   * @throws IllegalStateException if the new server does not answer in time (e.g. the port was taken meanwhile)
   */
  public RedisServer restart() {
    stop();
    return launch(binary, port, tls, leading, extraOptions);
  }

  private static RedisServer launch(Path binary, int port, boolean tls, List<String> leading,
      List<String> extraOptions) {
    Path dir;
    try {
      dir = Files.createTempDirectory("redis-" + port + "-");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create a directory for redis-server: " + e, e);
    }
    Path log = dir.resolve("redis.log");
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(leading);
    // --dir: a replica writes the snapshot it receives from its master, which must not land in
    // the directory the tests run from
    command.addAll(List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
    command.addAll(tls ? List.of("--port", "0", "--tls-port", Integer.toString(port)) : List.of("--port", Integer.toString(port)));
    command.addAll(extraOptions);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start " + command + ": " + e, e);
    }
    RedisServer server = new RedisServer(process, port, log, binary, tls, leading, extraOptions);
    try {
      await().atMost(STARTUP).pollInterval(Duration.ofMillis(20))
          .until(() -> !process.isAlive() || server.answersPing());
    } catch (ConditionTimeoutException e) {
      server.stop();
      throw new IllegalStateException("redis-server on port " + port + " did not answer PING within " + STARTUP
          + "; its log: " + log, e);
    }
    if (!process.isAlive()) {
      throw new IllegalStateException("redis-server on port " + port + " exited with " + process.exitValue()
          + "; its log: " + log);
    }
    return server;
  }

  /**
   * Returns whether the server answers {@code PING} right now: with {@code +PONG}, or with
   * {@code -NOAUTH} when it requires a password; a TLS server only has to accept the connection.
   */
  boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      if (tls) {
        return true;
      }
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String reply = new String(in.readNBytes(7), StandardCharsets.US_ASCII);
      return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH");
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns {@code redis://127.0.0.1:<port>}, or {@code rediss://app:<password>@127.0.0.1:<port>} with TLS. */
  public String url() {
    return tls
        ? "rediss://" + RedisTlsFiles.USER + ":" + RedisTlsFiles.PASSWORD + "@127.0.0.1:" + port
        : "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Returns the file the server writes its log to. */
  public Path log() {
    return log;
  }

  /**
   * Freezes this server's process ({@code SIGSTOP}, sent to its own pid): connections stay open
   * and nothing answers, as with a hung host, until {@link #thaw()}.
   */
  public void freeze() {
    signal("-STOP");
  }

  /** Lets a {@linkplain #freeze() frozen} server run again ({@code SIGCONT}). */
  public void thaw() {
    signal("-CONT");
  }

  private void signal(String signal) {
    try {
      // the shell's own kill: no procps needed; the pid is this server's, never a name
      Process kill = new ProcessBuilder("sh", "-c", "kill " + signal + " " + process.pid()).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot signal redis-server " + process.pid() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling redis-server", e);
    }
  }

  /** Destroys this server's process and waits until it has exited; a second call does nothing. */
  public void stop() {
    ServerProcesses.stop(process);
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "RedisServer[" + url() + ", pid " + process.pid() + "]";
  }
}
