package dev.lexigram.cache.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One server child process ({@code redis-server} or {@code memcached}) on a free loopback port,
 * started by a benchmark trial and stopped by it: {@link #stop} destroys exactly this process, by
 * its handle, and waits for it. A JVM shutdown hook stops it too if the fork ends without a
 * tear-down (a benchmark error, Ctrl-C), so no server outlives its fork.
 */
final class LocalServer implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final long STARTUP_MILLIS = 15_000;

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;
  private final OwnedProcess owned;

  private LocalServer(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
    this.owned = new OwnedProcess(process, name);
  }

  /**
   * Starts {@code redis-server --port <free> --bind 127.0.0.1 --save "" --appendonly no} and
   * returns once it answers {@code PING}.
   *
   * @param dir where its log file goes
   */
  static LocalServer redis(Path dir) {
    Path binary = findBinary("redis-server", "redis-server");
    return start("redis-server", dir, port -> List.of(binary.toString(), "--port", Integer.toString(port),
        "--bind", HOST, "--save", "", "--appendonly", "no"), "PING\r\n", "+PONG");
  }

  /**
   * Starts {@code memcached -o modern -l 127.0.0.1 -p <free> -U 0} (with {@code -u root} when
   * running as root, which memcached otherwise refuses) with memcached's default memory (64 MB) and
   * returns once it answers {@code version}.
   *
   * @param dir where its log file goes
   */
  static LocalServer memcached(Path dir) {
    return memcached(dir, List.of());
  }

  /**
   * Starts memcached as {@link #memcached(Path)} does, with {@code -m <megabytes>}: the memory it
   * may use for items before it evicts.
   *
   * @param dir where its log file goes
   */
  static LocalServer memcached(Path dir, int megabytes) {
    if (megabytes < 1) {
      throw new IllegalArgumentException("memcached needs at least 1 MB, not " + megabytes);
    }
    return memcached(dir, List.of("-m", Integer.toString(megabytes)));
  }

  private static LocalServer memcached(Path dir, List<String> options) {
    Path binary = findBinary("memcached", "memcached");
    return start("memcached", dir, port -> {
      List<String> command = new ArrayList<>(List.of(binary.toString(), "-o", "modern", "-l", HOST,
          "-p", Integer.toString(port), "-U", "0"));
      command.addAll(options);
      if ("root".equals(System.getProperty("user.name"))) {
        command.addAll(List.of("-u", "root"));
      }
      return command;
    }, "version\r\n", "VERSION ");
  }

  private interface CommandLine {
    List<String> forPort(int port);
  }

  private static LocalServer start(String name, Path dir, CommandLine commandLine, String probe, String expected) {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Path log = dir.resolve(name + "-" + port + ".log");
      List<String> command = commandLine.forPort(port);
      Process process;
      try {
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      } catch (IOException e) {
        throw new IllegalStateException("Cannot start " + String.join(" ", command) + ": " + e, e);
      }
      LocalServer server = new LocalServer(name, process, port, log);
      try {
        server.awaitAnswer(probe, expected);
        return server;
      } catch (IllegalStateException e) {
        server.stop();
        last = e; // most likely another process took the port between probe and bind: try another
      }
    }
    throw last;
  }

  private void awaitAnswer(String probe, String expected) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARTUP_MILLIS);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " on port " + port + " exited with " + process.exitValue()
            + "; its log: " + readLog());
      }
      if (answers(probe, expected)) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
    }
    throw new IllegalStateException(name + " on port " + port + " did not answer within " + STARTUP_MILLIS
        + " ms; its log: " + readLog());
  }

  private boolean answers(String probe, String expected) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 500);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write(probe.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String reply = new String(in.readNBytes(expected.length()), StandardCharsets.US_ASCII);
      return reply.equals(expected);
    } catch (IOException e) {
      return false;
    }
  }

  private String readLog() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "(empty)" : text;
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static Path findBinary(String binary, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, binary);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(binary + " not found on PATH: install it with `apt-get install " + debianPackage + "`");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free loopback port: " + e, e);
    }
  }

  int port() {
    return port;
  }

  /** Returns {@code 127.0.0.1:<port>}. */
  String address() {
    return HOST + ":" + port;
  }

  /** Destroys this server's process (and only it) and waits until it has exited; a second call does nothing. */
  void stop() {
    owned.stop();
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return name + "[" + address() + ", pid " + process.pid() + "]";
  }
}
