package dev.lexigram.cache.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What every test server launcher shares: finding the binary on the PATH (or failing with one
 * line that says how to install it), picking a free loopback port, and stopping exactly the
 * process a test started, by its handle.
 */
final class ServerProcesses {

  private ServerProcesses() {}

  /**
   * Returns the binary's path.
   *
   * @throws IllegalStateException "&lt;binary&gt; not found on PATH: install it with `sudo apt-get install &lt;pkg&gt;`"
   */
  static Path findBinary(String binary, String debianPackage) {
    return findBinary(binary, debianPackage, List.of());
  }

  /**
   * Returns the binary's path, looking on the PATH first and then in the given directories (for
   * tools a distribution installs where only root's PATH reaches, such as sbin).
   *
   * @throws IllegalStateException "&lt;binary&gt; not found on PATH: install it with `sudo apt-get install &lt;pkg&gt;`"
   */
  static Path findBinary(String binary, String debianPackage, List<String> moreDirectories) {
    List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    directories.addAll(moreDirectories);
    for (String dir : directories) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, binary);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(binary + " not found on PATH: install it with `sudo apt-get install "
        + debianPackage + "`");
  }

  /** Returns a loopback port that was free a moment ago. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free loopback port: " + e, e);
    }
  }

  /** Destroys the process and waits until it has exited; a process already gone is left alone. */
  static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
