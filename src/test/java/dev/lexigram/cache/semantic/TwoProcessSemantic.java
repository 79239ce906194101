package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Two JVMs ({@link SemanticProcess}) sharing one backend: an answer stored by one is found by a
 * paraphrase in the other within the sync interval; an invalidation in one is obeyed by the other
 * at once, though its index still lists the prompt, and a clear (a tag invalidation) within the
 * tag staleness window.
 */
final class TwoProcessSemantic {

  private TwoProcessSemantic() {}

  /** A running {@link SemanticProcess}, driven line by line. */
  private static final class Peer implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;

    Peer(URI config, String partition) throws IOException {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
          SemanticProcess.class.getName(), config.toString(), partition)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      in = process.getOutputStream();
      assertThat(out.readLine()).as("the semantic process started").isEqualTo("READY");
    }

    String ask(String... command) throws IOException {
      in.write((String.join("\t", command) + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      String answer = out.readLine();
      assertThat(answer).as("answer to '%s'", String.join(" ", command)).isNotNull();
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
   * Runs the scenario on a configuration that declares the semantic cache {@code answers}; returns
   * how long the second process took to find, by a paraphrase, an answer the first stored, in ms.
   */
  static long run(URI config) throws Exception {
    String partition = UUID.randomUUID().toString();
    try (Peer first = new Peer(config, partition); Peer second = new Peer(config, partition)) {
      assertThat(first.ask("store", "How do I reset my password?", "Use the forgot-password link.")).isEqualTo("ok");

      String found = second.ask("found", "how can I reset my password");
      assertThat(found).as("a paraphrase in the other process").startsWith("found ")
          .endsWith(" Use the forgot-password link.");
      assertThat(second.ask("lookup", "how do i reset my password?")).startsWith("hit EXACT 1.000 ");

      assertThat(second.ask("store", "What is the capital of Australia?", "Canberra")).isEqualTo("ok");
      assertThat(first.ask("found", "Which city is the capital of Australia?")).startsWith("found ").endsWith("Canberra");

      assertThat(first.ask("invalidate", "How do I reset my password?")).isEqualTo("ok");
      assertThat(second.ask("lookup", "how can I reset my password")).as("invalidated in the other process")
          .isEqualTo("miss");

      assertThat(first.ask("clear")).isEqualTo("ok");
      assertThat(first.ask("lookup", "Which city is the capital of Australia?")).as("cleared here, at once")
          .isEqualTo("miss");
      String cleared = second.ask("gone", "Which city is the capital of Australia?");
      assertThat(cleared).as("cleared in the other process").startsWith("gone ");
      assertThat(Long.parseLong(cleared.split(" ")[1])).as("within tag_staleness (100 ms), plus a read")
          .isLessThan(1_000);
      assertThat(second.ask("lookup", "What is the capital of Australia?")).isEqualTo("miss");
      long millis = Long.parseLong(found.split(" ")[1]);
      System.out.printf("[semantic two-process] %s: a paraphrase in the second process found the first's answer"
          + " after %d ms%n", config, millis);
      return millis;
    }
  }
}
