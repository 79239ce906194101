package dev.lexigram.cache.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.testing.ConfigFiles;
import dev.lexigram.cache.testing.RedisServer;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The status page, read over HTTP and in a real browser (Debian's headless Chromium): what it
 * shows for a memory and a Redis backend, caches with statistics, a near cache and a semantic
 * cache; that it is read-only; and that a token guards it. The browser's screenshot is kept as
 * {@code target/admin-page.png}.
 */
@ExtendWith(RedisServerExtension.class)
class AdminPageIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final RedisServer server;

  AdminPageIT(RedisServer server) {
    this.server = server;
  }

  private static HttpResponse<String> get(URI uri, String method, String bearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePage_showsBackendsCachesAndCharts_inARealBrowser() throws Exception {
    var config = ConfigFiles.writeTemporary("admin", "cache:\n  backends:\n"
        + "    - { name: local, type: memory, default: true }\n"
        + "    - name: shared\n      type: redis\n      url: " + server.url() + "\n      key_prefix: admin\n"
        + "      near_cache: { max_ttl: 30s }\n"
        + "  caches:\n    products: { backend: shared, statistics: true }\n    sessions: { statistics: true }\n"
        + "  semantic:\n    answers: { backend: local }\n"
        + "  service:\n    admin: { enabled: true, port: 0 }\n");
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(config, getClass().getClassLoader())) {
      LexigramCacheManager lexigram = manager.unwrap(LexigramCacheManager.class);
      Cache<String, String> products = manager.getCache("products");
      Cache<String, String> sessions = manager.getCache("sessions");
      for (int i = 0; i < 20; i++) {
        products.put("p" + i, "v");
        products.get("p" + i);
        products.get("p" + i);
        sessions.get("s" + i);
      }
      var answers = lexigram.semanticCache("answers");
      answers.store("What is the capital of France?", "Paris");
      answers.lookup("What's the capital city of France?");
      answers.lookup("How tall is Mont Blanc?");
      URI page = lexigram.adminPage().orElseThrow();
      assertThat(page.getHost()).isEqualTo("127.0.0.1");

      HttpResponse<String> html = get(page, "GET", null);
      assertThat(html.statusCode()).isEqualTo(200);
      assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("html"));
      assertThat(get(page, "POST", null).statusCode()).as("read-only").isEqualTo(405);
      assertThat(get(page, "DELETE", null).statusCode()).isEqualTo(405);
      HttpResponse<String> json = get(page.resolve("/status.json"), "GET", null);
      assertThat(json.body()).contains("\"backends\"", "\"shared\"", "\"products\"", "cache.near.hits");

      String dom = chromium(page, "--dump-dom");
      assertThat(dom).contains("<h2>Backends</h2>", "<h2>Caches</h2>", "Semantic caches");
      assertThat(dom).containsPattern("<td>shared</td><td class=\"up\">UP</td>");
      assertThat(dom).containsPattern("<td>products</td><td>shared</td><td class=\"num\">40</td>");
      assertThat(dom).containsPattern("<td>products</td>.*?<td class=\"num\">100.0%</td>"); // 40 hits, no miss
      assertThat(dom).containsPattern("<td>sessions</td>.*?<td class=\"num\">0.0%</td>"); // 20 misses
      assertThat(dom).contains("class=\"sparkline\"", "class=\"histogram\"", "cache.near.hits");
      Path screenshot = Path.of("target", "admin-page.png").toAbsolutePath();
      Files.deleteIfExists(screenshot);
      chromium(page, "--screenshot=" + screenshot, "--window-size=1200,1500");
      byte[] png = Files.readAllBytes(screenshot);
      assertThat(png.length).isGreaterThan(10_000);
      assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
      System.out.println("[admin page] " + page + " rendered by Chromium; screenshot " + screenshot + " ("
          + png.length + " bytes)");
    }
  }

  @Test
  void aToken_guardsEveryRequest() throws Exception {
    var config = ConfigFiles.writeTemporary("admin-token", "cache:\n  service:\n"
        + "    admin: { enabled: true, port: 0, token: \"correct-horse-battery-staple\" }\n");
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(config, getClass().getClassLoader())) {
      URI page = manager.unwrap(LexigramCacheManager.class).adminPage().orElseThrow();

      assertThat(get(page, "GET", null).statusCode()).isEqualTo(401);
      assertThat(get(page, "GET", "wrong-token-wrong-token").statusCode()).isEqualTo(401);
      assertThat(get(page, "GET", "correct-horse-battery-staple").statusCode()).isEqualTo(200);
      assertThat(get(URI.create(page + "?token=correct-horse-battery-staple"), "GET", null).statusCode()).isEqualTo(200);
    }
    assertThat(Caching.getCachingProvider().getCacheManager(config, getClass().getClassLoader()).unwrap(
        LexigramCacheManager.class).adminPage()).as("a reopened manager serves again").isPresent();
  }

  /** Runs Debian's Chromium headless on the page and returns what it printed. */
  private static String chromium(URI page, String... options) throws Exception {
    Path binary = chromiumBinary();
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + Files.createTempDirectory("chromium-")));
    command.addAll(List.of(options));
    command.add(page.toString());
    Path output = Files.createTempFile("chromium-", ".out");
    Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 60 s: " + command);
    }
    return Files.readString(output);
  }

  private static Path chromiumBinary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "chromium");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("chromium not found on PATH: the status page is tested in Debian's headless"
        + " Chromium; install it with `sudo apt-get install chromium` (scripts/test does)");
  }
}
