package dev.lexigram.cache.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1 made with
 * {@code openssl}, plus the ACL user a TLS test server admits; the default user is switched off.
 */
public final class RedisTlsFiles {

  /** The ACL user the server admits, with every permission on every key. */
  public static final String USER = "app";
  public static final String PASSWORD = "longpassword-for-the-app-user";

  private final Path directory;

  private RedisTlsFiles(Path directory) {
    this.directory = directory;
  }

  /**
   * Makes the files in a new temporary directory.
   *
   * @throws IllegalStateException if {@code openssl} is missing or fails
   */
  public static RedisTlsFiles create() {
    Path openssl = ServerProcesses.findBinary("openssl", "openssl");
    try {
      Path dir = Files.createTempDirectory("redis-tls-");
      Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n", StandardCharsets.US_ASCII);
      run(dir, openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
          "-days", "2", "-subj", "/CN=lexigram test CA");
      run(dir, openssl, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
          "-subj", "/CN=127.0.0.1");
      run(dir, openssl, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
          "-out", "server.crt", "-days", "2", "-extfile", "san.cnf");
      return new RedisTlsFiles(dir);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot make test certificates: " + e, e);
    }
  }

  private static void run(Path dir, Path openssl, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(openssl.toString()));
    command.addAll(List.of(args));
    Path output = dir.resolve("openssl.log");
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("openssl " + args[0] + " failed; its output: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while making test certificates", e);
    } finally {
      ServerProcesses.stop(process);
    }
  }

  /** Returns the PEM certificate of the authority that signed the server's certificate. */
  public Path caCertificate() {
    return directory.resolve("ca.crt");
  }

  /** Returns the redis-server options for TLS with these files and for the ACL user. */
  List<String> serverOptions() {
    return List.of("--tls-cert-file", directory.resolve("server.crt").toString(),
        "--tls-key-file", directory.resolve("server.key").toString(),
        "--tls-ca-cert-file", caCertificate().toString(),
        "--tls-auth-clients", "no",
        "--user", USER, "on", ">" + PASSWORD, "~*", "+@all",
        "--user", "default", "off");
  }
}
