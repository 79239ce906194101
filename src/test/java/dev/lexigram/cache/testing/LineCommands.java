package dev.lexigram.cache.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The loop of a {@link ChildJvm}'s main: prints {@code READY}, then answers each line of standard
 * input with the one line the handler returns (or {@code error <exception>}), until {@code quit}.
 */
public final class LineCommands {
  static final String READY = "READY";
  static final String QUIT = "quit";

  private LineCommands() {}

  public static void serve(Function<String, String> handler) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println(READY);
    System.out.flush();
    for (String line = in.readLine(); line != null && !line.equals(QUIT); line = in.readLine()) {
      String answer;
      try {
        answer = handler.apply(line);
      } catch (RuntimeException e) {
        answer = "error " + e;
      }
      System.out.println(answer);
      System.out.flush();
    }
  }
}
