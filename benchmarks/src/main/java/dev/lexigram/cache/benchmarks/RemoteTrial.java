package dev.lexigram.cache.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What one trial of a remote benchmark owns: a temporary directory (configuration files, the
 * server's log), the server process it started there and the candidate connected to it, with the
 * workload preloaded and verified. {@link #close} undoes all of it, the server last. A candidate
 * that needs no server ({@link NearCacheBenchmark}'s memory reference) has none: its
 * {@code startServer} returns null.
 */
final class RemoteTrial implements AutoCloseable {

  private final Path dir;
  private final LocalServer server;
  private final RemoteCandidate candidate;

  private RemoteTrial(Path dir, LocalServer server, RemoteCandidate candidate) {
    this.dir = dir;
    this.server = server;
    this.candidate = candidate;
  }

  /**
   * Starts the server, opens the candidate on it and preloads the workload; on any failure stops
   * what it had started and rethrows.
   *
   * @param startServer starts the server, given the temporary directory (or returns null: no server)
   * @param openCandidate opens the candidate, given this (half-built) trial for {@link #server} and {@link #writeFile}
   */
  static RemoteTrial start(String prefix, Function<Path, LocalServer> startServer,
      Function<RemoteTrial, RemoteCandidate> openCandidate, String candidateName, RemoteWorkload workload) {
    Path dir;
    try {
      dir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalServer server = null;
    RemoteCandidate candidate = null;
    try {
      server = startServer.apply(dir);
      candidate = openCandidate.apply(new RemoteTrial(dir, server, null));
      workload.preloadAndVerify(candidateName, candidate);
      return new RemoteTrial(dir, server, candidate);
    } catch (RuntimeException | Error e) {
      new RemoteTrial(dir, server, candidate).close();
      throw e;
    }
  }

  LocalServer server() {
    return server;
  }

  RemoteCandidate candidate() {
    return candidate;
  }

  /** Writes a file into the trial's directory and returns its {@code file:} URI. */
  URI writeFile(String name, String text) {
    Path file = dir.resolve(name);
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toUri();
  }

  @Override
  public void close() {
    try {
      if (candidate != null) {
        candidate.close();
      }
    } finally {
      if (server != null) {
        server.stop();
      }
      deleteDir();
    }
  }

  private void deleteDir() {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
