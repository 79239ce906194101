package dev.lexigram.cache.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Asks before a destructive command: {@code --yes} answers for the user; otherwise the question
 * goes to standard error and the answer comes from standard input ({@code y} or {@code yes}); no
 * answer (an empty or closed input, a script) is no.
 */
final class Confirmation {

  private Confirmation() {}

  static boolean ask(LexigramCli cli, String question, boolean yes) {
    if (yes) {
      return true;
    }
    cli.err().print(question + " [y/N] ");
    cli.err().flush();
    String answer;
    try {
      answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      answer = null;
    }
    boolean confirmed = answer != null && (answer.trim().equalsIgnoreCase("y")
        || answer.trim().toLowerCase(Locale.ROOT).equals("yes"));
    if (!confirmed) {
      cli.err().println(System.lineSeparator() + "lexigram-cache: not confirmed; nothing changed (pass --yes to skip"
          + " the question)");
    }
    return confirmed;
  }
}
