package dev.lexigram.cache.stampede;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stampede of the issue, across processes: {@value #PROCESSES} JVMs ({@link StampedeProcess})
 * of {@value StampedeProcess#THREADS} threads each read the same 4 cold keys at one instant (all
 * released together once every one has said READY), with a 300 ms loader. Returns the loader calls
 * per key, summed over the processes, and checks that every reader got the value.
 */
final class MultiProcessStampede {

  static final int PROCESSES = 3;

  private MultiProcessStampede() {}

  /** Runs the stampede on the configuration and returns the loader calls per key over all processes. */
  static Map<String, Integer> run(URI config, String cacheName) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Process> processes = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    try {
      for (int i = 0; i < PROCESSES; i++) {
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
            StampedeProcess.class.getName(), config.toString(), cacheName)
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        processes.add(process);
        outputs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (BufferedReader output : outputs) {
        assertThat(readUntil(output, "READY")).as("a stampede process started").isTrue();
      }
      for (Process process : processes) {
        OutputStream in = process.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      Map<String, Integer> calls = new HashMap<>();
      int values = 0;
      int failures = 0;
      for (int i = 0; i < PROCESSES; i++) {
        for (String line = outputs.get(i).readLine(); line != null; line = outputs.get(i).readLine()) {
          String[] parts = line.split(" ");
          switch (parts[0]) {
            case "calls" -> calls.merge(parts[1], Integer.parseInt(parts[2]), Integer::sum);
            case "values" -> values += Integer.parseInt(parts[1]);
            case "failures" -> failures += Integer.parseInt(parts[1]);
            default -> { }
          }
        }
        assertThat(processes.get(i).waitFor(60, TimeUnit.SECONDS)).as("stampede process finished").isTrue();
        assertThat(processes.get(i).exitValue()).as("stampede process exit code").isZero();
      }
      System.out.println("[stampede " + cacheName + "] " + PROCESSES + " processes x " + StampedeProcess.THREADS
          + " threads, loader calls per key: " + calls + ", readers with the value: " + values + ", failures: " + failures);
      assertThat(failures).isZero();
      assertThat(values).isEqualTo(PROCESSES * StampedeProcess.THREADS);
      return calls;
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
  }

  private static boolean readUntil(BufferedReader output, String marker) throws IOException {
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.equals(marker)) {
        return true;
      }
    }
    return false;
  }
}
