package dev.lexigram.cache.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lexigram.cache.config.AdminSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheException;

/**
 * Serves the status page of one manager on the JDK's HTTP server, one daemon thread, GET only:
 * {@code /} (HTML) and {@code /status.json}. With a token, every request must carry it
 * ({@code Authorization: Bearer …} or {@code ?token=…}), compared in constant time. A sampler
 * records each cache's hit ratio every {@value #SAMPLE_SECONDS} s for the chart.
 */
public final class AdminServer implements AutoCloseable {

  static final int SAMPLE_SECONDS = 10;

  private final HttpServer server;
  private final ScheduledExecutorService worker;
  private final byte[] token;
  private final StatusPage page;

  private AdminServer(HttpServer server, ScheduledExecutorService worker, String token, StatusPage page) {
    this.server = server;
    this.worker = worker;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.page = page;
  }

  /**
   * Starts serving.
   *
   * @throws CacheException when the address cannot be bound (naming it and the fix)
   */
  public static AdminServer start(AdminSettings settings, StatusSource source) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 16);
    } catch (IOException e) {
      throw new CacheException("Cannot serve the status page on " + settings.bind() + ":" + settings.port() + ": " + e
          + ". Fix: choose another cache.service.admin.port (0 picks a free one), or turn the page off", e);
    }
    ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "lexigram-admin");
      thread.setDaemon(true);
      return thread;
    });
    HitRatioHistory history = new HitRatioHistory();
    AdminServer admin = new AdminServer(server, worker, settings.token(), new StatusPage(source, history));
    server.setExecutor(worker);
    server.createContext("/", admin::handle);
    worker.scheduleAtFixedRate(() -> history.sample(source.caches()), 0, SAMPLE_SECONDS, TimeUnit.SECONDS);
    server.start();
    return admin;
  }

  /** Where the page is, e.g. {@code http://127.0.0.1:9190/}. */
  public URI address() {
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      answer(exchange);
    }
  }

  /** Answers the request; a page that fails to render is a 500 naming why (sent before the exchange closes). */
  private void answer(HttpExchange exchange) throws IOException {
    try {
      if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        reply(exchange, 405, "text/plain", "read-only: GET only");
        return;
      }
      if (!authorized(exchange)) {
        reply(exchange, 401, "text/plain", "a token is required: Authorization: Bearer <token>, or ?token=<token>");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      switch (path) {
        case "/" -> reply(exchange, 200, "text/html; charset=utf-8", page.html());
        case "/status.json" -> reply(exchange, 200, "application/json", page.json());
        default -> reply(exchange, 404, "text/plain", "not found: " + path);
      }
    } catch (RuntimeException e) {
      reply(exchange, 500, "text/plain", "the status page failed: " + e);
    }
  }

  private boolean authorized(HttpExchange exchange) {
    if (token == null) {
      return true;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String offered = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    String query = exchange.getRequestURI().getRawQuery();
    if (offered == null && query != null) {
      for (String part : query.split("&")) {
        if (part.startsWith("token=")) {
          offered = URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8);
        }
      }
    }
    return offered != null && MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8));
  }

  private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, exchange.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
    if (!exchange.getRequestMethod().equals("HEAD")) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    worker.shutdownNow();
  }
}
