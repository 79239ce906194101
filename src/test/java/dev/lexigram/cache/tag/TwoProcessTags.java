package dev.lexigram.cache.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two JVMs ({@link TagProcess}) sharing one backend: entries tagged in the first, the tag
 * invalidated in the second, gone in the first within the staleness window; untagged entries,
 * entries of other tags, and a declared cache's entries until its own tag is invalidated, stay.
 */
final class TwoProcessTags {

  private TwoProcessTags() {}

  /** A running {@link TagProcess}, driven line by line. */
  private static final class Peer implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;

    Peer(URI config) throws IOException {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
          TagProcess.class.getName(), config.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      in = process.getOutputStream();
      assertThat(out.readLine()).as("the tag process started").isEqualTo("READY");
    }

    String ask(String command) throws IOException {
      in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      String answer = out.readLine();
      assertThat(answer).as("answer to '%s'", command).isNotNull();
      return answer;
    }

    @Override
    public void close() throws Exception {
      try {
        in.write("quit\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        process.waitFor(20, TimeUnit.SECONDS);
      } finally {
        process.destroyForcibly();
      }
    }
  }

  /**
   * Runs the scenario on a configuration that declares the cache {@code catalog} with
   * {@code tags: [catalog]}; returns how long the first process took to see the invalidation, in ms.
   */
  static long run(URI config) throws Exception {
    try (Peer first = new Peer(config); Peer second = new Peer(config)) {
      assertThat(first.ask("put items tagged shared")).isEqualTo("ok");
      assertThat(first.ask("put items untagged -")).isEqualTo("ok");
      assertThat(first.ask("put items other unrelated")).isEqualTo("ok");
      assertThat(first.ask("put catalog sku -")).isEqualTo("ok");
      assertThat(second.ask("get items tagged")).as("written by the first process").isEqualTo("v");
      assertThat(first.ask("get items tagged")).isEqualTo("v");

      assertThat(second.ask("invalidate shared")).isEqualTo("ok");
      assertThat(second.ask("get items tagged")).as("the invalidating process, at once").isEqualTo("absent");
      String gone = first.ask("gone items tagged");
      assertThat(gone).as("the other process").startsWith("gone ");
      assertThat(first.ask("get items untagged")).isEqualTo("v");
      assertThat(first.ask("get items other")).isEqualTo("v");
      assertThat(first.ask("get catalog sku")).isEqualTo("v");

      assertThat(second.ask("invalidate catalog")).isEqualTo("ok");
      assertThat(first.ask("gone catalog sku")).as("the declared cache's tag").startsWith("gone ");
      long millis = Long.parseLong(gone.substring("gone ".length()));
      System.out.println("[tags two processes] " + config + ": the first process saw the second's invalidation after "
          + millis + " ms");
      return millis;
    }
  }
}
