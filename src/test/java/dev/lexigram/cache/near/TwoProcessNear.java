package dev.lexigram.cache.near;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.testing.ChildJvm;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Two JVMs ({@link NearProcess}) with near caches on one backend: each change made in the first
 * (write, remove, expiry, clear, pattern delete, tag invalidation) reaches the second, whose near
 * cache held the old value, within {@code bound} milliseconds.
 */
final class TwoProcessNear {

  private TwoProcessNear() {}

  /** Runs the scenario; returns the milliseconds the second process took to see each change. */
  static List<Long> run(URI config, long boundMillis) throws Exception {
    List<Long> lags = new ArrayList<>();
    try (ChildJvm first = new ChildJvm(NearProcess.class, true, config.toString());
        ChildJvm second = new ChildJvm(NearProcess.class, true, config.toString())) {
      assertThat(first.ask("put k v1")).isEqualTo("ok");
      assertThat(second.ask("get k")).isEqualTo("v1");
      assertThat(second.ask("get k")).as("a near hit").isEqualTo("v1");
      assertThat(second.ask("stats").split(" ")[0]).as("near hits").isNotEqualTo("0");

      assertThat(first.ask("put k v2")).isEqualTo("ok");
      lags.add(seen(second, "until k v2", "a write", boundMillis));
      assertThat(first.ask("remove k")).isEqualTo("ok");
      lags.add(seen(second, "until k absent", "a remove", boundMillis));

      assertThat(first.ask("putttl short v 300")).isEqualTo("ok");
      assertThat(second.ask("get short")).isEqualTo("v");
      lags.add(seen(second, "until short absent", "an expiry", 300 + boundMillis));

      assertThat(first.ask("put c v")).isEqualTo("ok");
      assertThat(second.ask("get c")).isEqualTo("v");
      assertThat(first.ask("clear")).isEqualTo("ok");
      lags.add(seen(second, "until c absent", "a clear", boundMillis));

      assertThat(first.ask("put p:1 v")).isEqualTo("ok");
      assertThat(first.ask("put q:1 v")).isEqualTo("ok");
      assertThat(second.ask("get p:1")).isEqualTo("v");
      assertThat(second.ask("get q:1")).isEqualTo("v");
      assertThat(first.ask("delete p:*")).isEqualTo("ok");
      lags.add(seen(second, "until p:1 absent", "a pattern delete", boundMillis));
      assertThat(second.ask("get q:1")).as("outside the pattern").isEqualTo("v");

      assertThat(first.ask("puttagged t v catalog")).isEqualTo("ok");
      assertThat(second.ask("get t")).isEqualTo("v");
      assertThat(first.ask("invalidate catalog")).isEqualTo("ok");
      lags.add(seen(second, "until t absent", "a tag invalidation", boundMillis));
      assertThat(second.ask("get q:1")).as("untagged").isEqualTo("v");
    }
    System.out.println("[near two processes] " + config + ": write, remove, expiry, clear, pattern delete, tag seen after "
        + lags + " ms");
    return lags;
  }

  private static long seen(ChildJvm process, String command, String change, long boundMillis) throws Exception {
    String answer = process.ask(command);
    assertThat(answer).as(change + " seen by the other process").startsWith("seen ");
    long millis = Long.parseLong(answer.substring("seen ".length()));
    assertThat(millis).as(change + ": milliseconds until seen").isLessThanOrEqualTo(boundMillis);
    return millis;
  }
}
