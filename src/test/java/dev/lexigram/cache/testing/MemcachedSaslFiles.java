package dev.lexigram.cache.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Cyrus SASL files a {@code memcached -S} test server reads, in a new temporary directory:
 * a {@code memcached.conf} that offers only PLAIN and names a sasldb holding one user, made with
 * {@code saslpasswd2}. The server finds the directory through {@code SASL_CONF_PATH}, so no root
 * and no file under /etc is needed.
 *
 * <p>Why a sasldb: Debian's memcached (1.6.18) is built without {@code --enable-sasl-pwdb}, so a
 * plain {@code user:password} file named by {@code MEMCACHED_SASL_PWDB} is ignored and every
 * login fails (tried). PLAIN then checks passwords with the sasldb auxprop plugin, whose user
 * realm is the host name memcached passes in: {@code gethostname()}. The user is therefore
 * written under that realm, which a client's plain user name then matches.
 */
final class MemcachedSaslFiles {

  /** Cyrus reads {@code <SASL_CONF_PATH>/<application>.conf}; memcached's application name is memcached. */
  private static final String CONF_FILE = "memcached.conf";
  private static final String DB_FILE = "sasldb2";

  private final Path directory;
  private final String username;
  private final String password;

  private MemcachedSaslFiles(Path directory, String username, String password) {
    this.directory = directory;
    this.username = username;
    this.password = password;
  }

  /**
   * Writes the files for one user.
   *
   * @throws IllegalStateException if {@code saslpasswd2} (Debian package sasl2-bin) is missing or fails
   */
  static MemcachedSaslFiles create(String username, String password) {
    // Debian installs saslpasswd2 in sbin, which is on root's PATH only
    Path saslpasswd2 = ServerProcesses.findBinary("saslpasswd2", "sasl2-bin", List.of("/usr/sbin", "/sbin"));
    Path dir;
    try {
      dir = Files.createTempDirectory("memcached-sasl-");
      Files.writeString(dir.resolve(CONF_FILE), "mech_list: plain\nsasldb_path: " + dir.resolve(DB_FILE) + "\n",
          StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the SASL configuration of a test memcached", e);
    }
    MemcachedSaslFiles files = new MemcachedSaslFiles(dir, username, password);
    try {
      files.addUser(saslpasswd2);
    } catch (RuntimeException e) {
      files.delete();
      throw e;
    }
    return files;
  }

  /** Writes the same user to a new directory, for a restarted server (its predecessor's files go with it). */
  MemcachedSaslFiles copy() {
    return create(username, password);
  }

  /** Runs {@code saslpasswd2 -p -c -f <db> -a memcached -u <realm> <user>} with the password on stdin. */
  private void addUser(Path saslpasswd2) {
    Path log = directory.resolve("saslpasswd2.log");
    List<String> command = List.of(saslpasswd2.toString(), "-p", "-c", "-f", directory.resolve(DB_FILE).toString(),
        "-a", "memcached", "-u", realm(), username);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment()); // read this directory's memcached.conf, not /etc's
    Process process = null;
    try {
      process = builder.start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(password.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("saslpasswd2 failed for user " + username + "; its output: "
            + Files.readString(log, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running saslpasswd2", e);
    } finally {
      if (process != null) {
        ServerProcesses.stop(process);
      }
    }
  }

  /**
   * Returns what {@code gethostname()} returns, the realm memcached hands to Cyrus SASL: the
   * kernel's node name on Linux, read without a name lookup; elsewhere Java's local host name.
   */
  private static String realm() {
    Path nodeName = Path.of("/proc/sys/kernel/hostname");
    try {
      if (Files.isReadable(nodeName)) {
        return Files.readString(nodeName, StandardCharsets.US_ASCII).strip();
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read this host's name, the SASL realm of a test memcached", e);
    }
  }

  /** Returns the environment that points memcached's Cyrus SASL at these files. */
  Map<String, String> environment() {
    return Map.of("SASL_CONF_PATH", directory.toString());
  }

  /** Deletes the directory if it is still there; the server that read it must have stopped. */
  void delete() {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + directory, e);
    }
  }
}
