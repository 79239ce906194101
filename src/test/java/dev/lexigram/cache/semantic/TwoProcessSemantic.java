package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import dev.lexigram.cache.testing.ChildJvm;
import java.net.URI;
import java.util.UUID;

/**
 * Two JVMs ({@link SemanticProcess}) sharing one backend: an answer stored by one is found by a
 * paraphrase in the other within the sync interval; an invalidation in one is obeyed by the other
 * at once, though its index still lists the prompt, and a clear (a tag invalidation) within the
 * tag staleness window.
 */
final class TwoProcessSemantic {

  private TwoProcessSemantic() {}

  /** Asks a {@link SemanticProcess} one tab-separated command. */
  private static String ask(ChildJvm peer, String... command) throws IOException {
    return peer.ask(String.join("\t", command));
  }

  /**
   * Runs the scenario on a configuration that declares the semantic cache {@code answers}; returns
   * how long the second process took to find, by a paraphrase, an answer the first stored, in ms.
   */
  static long run(URI config) throws Exception {
    String partition = UUID.randomUUID().toString();
    try (ChildJvm first = new ChildJvm(SemanticProcess.class, false, config.toString(), partition);
        ChildJvm second = new ChildJvm(SemanticProcess.class, false, config.toString(), partition)) {
      assertThat(ask(first, "store", "How do I reset my password?", "Use the forgot-password link.")).isEqualTo("ok");

      String found = ask(second, "found", "how can I reset my password");
      assertThat(found).as("a paraphrase in the other process").startsWith("found ")
          .endsWith(" Use the forgot-password link.");
      assertThat(ask(second, "lookup", "how do i reset my password?")).startsWith("hit EXACT 1.000 ");

      assertThat(ask(second, "store", "What is the capital of Australia?", "Canberra")).isEqualTo("ok");
      assertThat(ask(first, "found", "Which city is the capital of Australia?")).startsWith("found ").endsWith("Canberra");

      assertThat(ask(first, "invalidate", "How do I reset my password?")).isEqualTo("ok");
      assertThat(ask(second, "lookup", "how can I reset my password")).as("invalidated in the other process")
          .isEqualTo("miss");

      assertThat(ask(first, "clear")).isEqualTo("ok");
      assertThat(ask(first, "lookup", "Which city is the capital of Australia?")).as("cleared here, at once")
          .isEqualTo("miss");
      String cleared = ask(second, "gone", "Which city is the capital of Australia?");
      assertThat(cleared).as("cleared in the other process").startsWith("gone ");
      assertThat(Long.parseLong(cleared.split(" ")[1])).as("within tag_staleness (100 ms), plus a read")
          .isLessThan(1_000);
      assertThat(ask(second, "lookup", "What is the capital of Australia?")).isEqualTo("miss");
      long millis = Long.parseLong(found.split(" ")[1]);
      System.out.printf("[semantic two-process] %s: a paraphrase in the second process found the first's answer"
          + " after %d ms%n", config, millis);
      return millis;
    }
  }
}
