package dev.lexigram.cache.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.testing.ChildJvm;
import java.net.URI;

/**
 * Two JVMs ({@link TagProcess}) sharing one backend: entries tagged in the first, the tag
 * invalidated in the second, gone in the first within the staleness window; untagged entries,
 * entries of other tags, and a declared cache's entries until its own tag is invalidated, stay.
 */
public final class TwoProcessTags {

  private TwoProcessTags() {}

  /**
   * Runs the scenario on a configuration that declares the cache {@code catalog} with
   * {@code tags: [catalog]}; returns how long the first process took to see the invalidation, in ms.
   */
  public static long run(URI config) throws Exception {
    try (ChildJvm first = new ChildJvm(TagProcess.class, true, config.toString());
        ChildJvm second = new ChildJvm(TagProcess.class, true, config.toString())) {
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
