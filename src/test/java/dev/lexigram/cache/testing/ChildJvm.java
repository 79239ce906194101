package dev.lexigram.cache.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM on the test class path running a {@link LineCommands} main, driven line by line:
 * {@link #ask} writes one command and returns the one line it answers. Closing sends {@code quit}
 * and stops exactly this process, by its handle.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final OutputStream in;

  /**
   * Starts {@code mainClass} with the arguments and waits for its {@code READY}.
   *
   * @param inheritErrors whether its standard error goes to this process's (else it is dropped)
   */
  public ChildJvm(Class<?> mainClass, boolean inheritErrors, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        mainClass.getName()));
    command.addAll(List.of(args));
    process = new ProcessBuilder(command)
        .redirectError(inheritErrors ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD).start();
    out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    in = process.getOutputStream();
    assertThat(out.readLine()).as("%s started", mainClass.getSimpleName()).isEqualTo(LineCommands.READY);
  }

  /** Sends one command line and returns the process's answer. */
  public String ask(String command) throws IOException {
    in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
    String answer = out.readLine();
    assertThat(answer).as("answer to '%s'", command).isNotNull();
    return answer;
  }

  @Override
  public void close() throws Exception {
    try {
      in.write((LineCommands.QUIT + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      process.waitFor(20, TimeUnit.SECONDS);
    } finally {
      process.destroyForcibly();
    }
  }
}
