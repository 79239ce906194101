package dev.lexigram.cache.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.CacheBackend;
import dev.lexigram.cache.DistributedLock;
import dev.lexigram.cache.LockLease;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link LockContract} plus what only a shared backend shows: mutual exclusion between two
 * processes of 16 threads each, and a holder frozen with SIGSTOP past its lease, whose resumed
 * release and extend fail without touching the new owner's lock.
 */
abstract class LockAcrossProcesses extends LockContract {

  private Process start(String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        LockProcess.class.getName()));
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static String readLineStartingWith(BufferedReader output, String prefix) throws IOException {
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    throw new AssertionError("the other process ended without printing '" + prefix + "'");
  }

  /** Sends a signal to the process this test started, by its process id. */
  private static void signal(Process process, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -" + signal).isZero();
  }

  @Test
  void twoProcessesOf16Threads_incrementThroughTheCacheUnderTheLock_withoutLosingAnUpdate() throws Exception {
    CacheBackend backend = lexigram.backend("shared");
    String lockName = unique("two-process");
    String counter = unique("two-process-counter");
    backend.set(counter, 0L).unwrap();
    int rounds = 10;
    Process other = start("count", config().toString(), lockName, counter, Integer.toString(rounds));
    try {
      List<Long> here = LockProcess.count(backend, lexigram.lock(lockName), counter, rounds);
      BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      List<Long> there = Arrays.stream(readLineStartingWith(output, "tokens ").split(",")).map(Long::valueOf).toList();
      assertThat(other.waitFor(120, TimeUnit.SECONDS)).isTrue();

      List<Long> all = new ArrayList<>(here);
      all.addAll(there);
      System.out.println("[locks] 2 processes x 16 threads x " + rounds + " rounds: counter "
          + backend.get(counter).unwrap().orElseThrow() + ", tokens " + all.stream().mapToLong(Long::longValue).min()
          .orElse(0) + ".." + all.stream().mapToLong(Long::longValue).max().orElse(0) + ", all distinct: "
          + (all.stream().distinct().count() == all.size()));
      assertThat(backend.get(counter).unwrap()).contains(2L * 16 * rounds);
      assertThat(all).hasSize(2 * 16 * rounds).doesNotHaveDuplicates();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void holderFrozenPastItsLease_anotherOwnerGetsAGreaterToken_andTheResumedHolderCannotReleaseNorExtend() throws Exception {
    String lockName = unique("frozen");
    Process holder = start("hold", config().toString(), lockName, "1000");
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      long frozenToken = Long.parseLong(readLineStartingWith(output, "token "));
      signal(holder, "STOP");
      long start = System.nanoTime();
      DistributedLock lock = lexigram.lock(lockName);

      LockLease taken = held(lock.tryAcquire(Duration.ofSeconds(20), LONG));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      signal(holder, "CONT");
      holder.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
      holder.getOutputStream().flush();
      boolean extended = Boolean.parseBoolean(readLineStartingWith(output, "extend "));
      boolean released = Boolean.parseBoolean(readLineStartingWith(output, "release "));

      System.out.println("[locks] frozen holder: token " + frozenToken + ", SIGSTOP; this process acquired after "
          + waited + " ms with token " + taken.fencingToken() + "; SIGCONT: the holder's extend=" + extended
          + ", release=" + released + "; the new owner's lock still held: "
          + lock.tryAcquire(Duration.ZERO, LONG).unwrap().isEmpty());
      assertThat(taken.fencingToken()).isGreaterThan(frozenToken);
      assertThat(extended).isFalse();
      assertThat(released).isFalse();
      assertThat(lock.tryAcquire(Duration.ZERO, LONG).unwrap()).as("the new owner still holds it").isEmpty();
      assertThat(taken.release().unwrap()).isTrue();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      holder.destroyForcibly();
    }
  }
}
