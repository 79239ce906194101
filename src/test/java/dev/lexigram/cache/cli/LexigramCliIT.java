package dev.lexigram.cache.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.WriteOptions;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The command line against a real Redis server, in process: what each command prints, with and
 * without {@code --json}, the exit codes scripts test, the confirmation of destructive commands
 * and the progress of a pattern delete.
 */
@ExtendWith(RedisServerExtension.class)
class LexigramCliIT {

  private final RedisServer server;
  private URI config;

  LexigramCliIT(RedisServer server) {
    this.server = server;
  }

  /** What one run printed and returned. */
  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void configure() {
    config = ConfigFiles.writeTemporary("cli", "cache:\n  backends:\n"
        + "    - { name: shared, type: redis, url: \"" + server.url() + "\", key_prefix: cli }\n"
        + "  caches:\n    products: { backend: shared }\n");
  }

  private Run run(String input, String... args) {
    CommandLine line = LexigramCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = Path.of(config).toString();
    System.arraycopy(args, 0, all, 2, args.length);
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes()));
    try {
      int exit = line.execute(all);
      System.out.println("$ lexigram-cache " + String.join(" ", args) + "\n" + out + err + "[exit " + exit + "]");
      return new Run(exit, out.toString(), err.toString());
    } finally {
      System.setIn(stdin);
    }
  }

  private void fill(int count) {
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(config, getClass().getClassLoader())) {
      @SuppressWarnings("unchecked")
      LexigramCache<String, String> products = manager.getCache("products").unwrap(LexigramCache.class);
      Map<String, String> batch = new HashMap<>();
      for (int i = 0; i < count; i++) {
        batch.put("product:" + i, "p" + i);
        if (batch.size() == 1_000) {
          products.putMany(batch);
          batch.clear();
        }
      }
      products.putMany(batch);
      products.put("kept", "v", WriteOptions.tagged("catalog"));
    }
  }

  @Test
  void readCommands_printTextOrJson_withExitCodes() {
    fill(3);

    assertThat(run("", "backends").out()).contains("shared").contains("up");
    assertThat(run("", "caches").out()).contains("products").contains("backend");
    Run get = run("", "get", "products", "product:1");
    assertThat(get.exit()).isZero();
    assertThat(get.out().trim()).isEqualTo("p1");
    assertThat(run("", "--json", "get", "products", "product:1").out().trim()).isEqualTo("\"p1\"");
    Run missing = run("", "get", "products", "nope");
    assertThat(missing.exit()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(missing.err()).contains("no key 'nope'");
    assertThat(run("", "--json", "keys", "products", "product:*").out()).contains("\"product:0\"", "\"product:2\"");
    assertThat(run("", "--json", "stats", "products").out()).contains("\"keys\" : 4");
    assertThat(run("", "--json", "health").out()).contains("\"up\" : true");
    assertThat(run("", "get", "nowhere", "k").exit()).as("an unknown cache").isEqualTo(ExitCodes.USAGE);
    assertThat(run("", "frobnicate").exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void destructiveCommands_askFirst_andDeleteWithProgress() {
    fill(20_000);

    Run refused = run("", "delete-pattern", "products", "product:*");
    assertThat(refused.exit()).isEqualTo(ExitCodes.NOT_CONFIRMED);
    assertThat(refused.err()).contains("Delete 20,000 keys matching 'product:*' from cache 'products'?")
        .contains("not confirmed");
    assertThat(run("", "--json", "stats", "products").out()).contains("\"keys\" : 20001");

    Run deleted = run("y\n", "delete-pattern", "products", "product:*");
    assertThat(deleted.exit()).isZero();
    assertThat(deleted.err()).contains("deleting [##############################] 100% 20,000/20,000");
    assertThat(deleted.out()).contains("deleted 20,000 keys matching 'product:*' from cache 'products'");
    assertThat(run("", "--json", "stats", "products").out()).contains("\"keys\" : 1");

    assertThat(run("", "invalidate-tags", "catalog").exit()).isEqualTo(ExitCodes.NOT_CONFIRMED);
    assertThat(run("", "invalidate-tags", "--yes", "catalog").exit()).isZero();
    assertThat(run("", "get", "products", "kept").exit()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void aBackendThatIsDown_exitsThree_withItsError() {
    config = ConfigFiles.writeTemporary("cli-down", "cache:\n  backends:\n"
        + "    - { name: gone, type: redis, url: \"redis://127.0.0.1:1\", timeout: 300ms }\n");

    Run health = run("", "health");

    assertThat(health.exit()).isEqualTo(ExitCodes.BACKEND_ERROR);
    assertThat(health.err() + health.out()).containsIgnoringCase("connect");
  }
}
