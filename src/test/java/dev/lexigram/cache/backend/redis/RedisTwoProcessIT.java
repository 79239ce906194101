package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.jcache.spi.LexigramCachingProvider;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two JVMs share a cache through one redis backend: this one and a {@link SecondProcess} started
 * by the test with the same YAML. This process sees the other's writes, removals and expiry (real
 * time, real TTL), and reads entries it may not deserialize or cannot verify as misses, never as an
 * exception.
 */
@ExtendWith(RedisServerExtension.class)
class RedisTwoProcessIT {

  // generous: the second JVM loads Lettuce and Netty cold while the rest of the suite runs
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> ALLOWED = List.of("java.lang.**");
  private static final List<String> WIDER = List.of("java.lang.**", "dev.lexigram.cache.backend.redis.**");
  private static final String KEY = "signing key shared by both processes, 32+ bytes";
  private static final String OTHER_KEY = "a signing key the first process does not know";

  @Test
  void secondProcess_writesRemovesAndExpires_thisProcessSeesItAll(RedisServer server) throws Exception {
    URI config = RedisConfigFile.write("shared-redis", server.url(), "two-jvm", TIMEOUT, ALLOWED, KEY);
    URI wider = RedisConfigFile.write("shared-redis", server.url(), "two-jvm", TIMEOUT, WIDER, KEY);
    URI otherKey = RedisConfigFile.write("shared-redis", server.url(), "two-jvm", TIMEOUT, ALLOWED, OTHER_KEY);
    try (CacheManager manager = new LexigramCachingProvider().getCacheManager(config, getClass().getClassLoader())) {
      Cache<String, Object> shared = manager.createCache(SecondProcess.SHARED_CACHE, new MutableConfiguration<>());
      Cache<String, Object> expiring = manager.createCache(SecondProcess.EXPIRING_CACHE, new MutableConfiguration<>());
      shared.put("doomed", "removed by the other process");

      runSecondProcess(config, wider, otherKey);

      assertThat(shared.get("written")).isEqualTo("by the second process");
      assertThat(shared.containsKey("doomed")).isFalse();
      assertThat(shared.get("not-allowed-there")).as("an entry this process may not deserialize").isNull();
      assertThat(shared.get("signed-with-another-key")).as("an entry this process cannot verify").isNull();
      assertThat(expiring.get("short-lived")).isEqualTo("expires soon");
      await().atMost(Duration.ofSeconds(SecondProcess.TTL_SECONDS + 10)).pollInterval(Duration.ofMillis(100))
          .until(() -> expiring.get("short-lived") == null);
    }
  }

  private static void runSecondProcess(URI config, URI wider, URI otherKey) throws IOException, InterruptedException {
    Path output = Files.createTempFile("lexigram-second-process-", ".log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        SecondProcess.class.getName(), config.toString(), wider.toString(), otherKey.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("second process finished; its output: " + output).isTrue();
      assertThat(process.exitValue()).as("second process exit code; its output: %s", output).isZero();
    } finally {
      process.destroyForcibly();
    }
  }
}
