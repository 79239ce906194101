package dev.lexigram.cache.cli;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.jcache.spi.LexigramCachingProvider;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code lexigram-cache}: the command line of an operator. It opens the configuration the library
 * would ({@code --config}, else {@code lexigram.cache.config}, {@code LEX_CACHE_CONFIG},
 * {@code lexigram-cache.yaml} on the class path, else the built-in default), with the same
 * {@code LEX_CACHE__…} overrides. Keys are strings, as the backends name them.
 */
@Command(name = "lexigram-cache", mixinStandardHelpOptions = true, version = "lexigram-cache 0.1.0",
    subcommands = SemanticCommand.class, sortOptions = false,
    description = "Inspect and manage the caches a lexigram-cache configuration declares.",
    footer = {"", "Exit codes: 0 done, 1 not found, 2 bad command line, 3 backend or configuration error,"
        + " 4 not confirmed."})
public final class LexigramCli implements Callable<Integer> {

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE|URI",
      description = "the YAML configuration: a path, file:… or classpath:… (default: as the library finds it)")
  String config;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "print the answer as JSON")
  boolean json;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR"); // no "no SLF4J providers" notice in a command's output
    }
    System.exit(commandLine().execute(args));
  }

  /** The command line, for {@code main} and for tests that capture its output. */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new LexigramCli());
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("lexigram-cache: " + e.getMessage());
      // an unknown cache, backend or semantic cache is a mistake on the command line
      return e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.BACKEND_ERROR;
    });
    return line;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  CacheManager open() {
    var provider = Caching.getCachingProvider(LexigramCachingProvider.class.getName());
    ClassLoader loader = LexigramCli.class.getClassLoader();
    if (config == null) {
      return provider.getCacheManager(provider.getDefaultURI(), loader);
    }
    URI uri = config.startsWith("classpath:") || config.startsWith("file:") ? URI.create(config)
        : Path.of(config).toAbsolutePath().toUri();
    return provider.getCacheManager(uri, loader);
  }

  Printer printer() {
    return new Printer(spec.commandLine().getOut(), json);
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints a failed result's error on standard error and returns {@link ExitCodes#BACKEND_ERROR}. */
  int failed(CacheError error) {
    err().println("lexigram-cache: " + error.kind() + ": " + error.message());
    return ExitCodes.BACKEND_ERROR;
  }

  @SuppressWarnings("unchecked")
  static LexigramCache<String, Object> cache(CacheManager manager, String name) {
    Cache<?, ?> cache = manager.getCache(name);
    if (cache == null) {
      throw new IllegalArgumentException("no cache named '" + name + "' is declared or open; declared: "
          + manager.unwrap(LexigramCacheManager.class).declaredCacheNames());
    }
    return cache.unwrap(LexigramCache.class);
  }

  @Command(name = "backends", description = "The declared backends, each probed for health.")
  int backends() {
    try (CacheManager manager = open()) {
      LexigramCacheManager lexigram = manager.unwrap(LexigramCacheManager.class);
      List<List<String>> rows = new ArrayList<>();
      List<Map<String, Object>> asJson = new ArrayList<>();
      boolean allUp = true;
      for (Map.Entry<String, Result<Duration>> probe : lexigram.health().entrySet()) {
        String name = probe.getKey();
        Result<Duration> health = probe.getValue();
        allUp &= health.isOk();
        String status = health.isOk() ? "up" : "down: " + health.error().kind();
        String roundTrip = health.isOk() ? String.format(Locale.ROOT, "%.2f ms", health.unwrap().toNanos() / 1e6) : "-";
        rows.add(List.of(name, status, roundTrip));
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("name", name);
        backend.put("up", health.isOk());
        backend.put(health.isOk() ? "roundTripMillis" : "error", health.isOk() ? health.unwrap().toNanos() / 1e6
            : health.error().message());
        asJson.add(backend);
      }
      printer().table(List.of("BACKEND", "STATUS", "ROUND TRIP"), rows, asJson);
      return allUp ? ExitCodes.OK : ExitCodes.BACKEND_ERROR;
    }
  }

  @Command(name = "health", description = "Probe every backend; exit 3 when one is down.")
  int health() {
    return backends();
  }

  @Command(name = "caches", description = "The declared caches (every backend is one too).")
  int caches() {
    try (CacheManager manager = open()) {
      LexigramCacheManager lexigram = manager.unwrap(LexigramCacheManager.class);
      List<List<String>> rows = new ArrayList<>();
      List<Map<String, Object>> asJson = new ArrayList<>();
      for (String name : lexigram.declaredCacheNames()) {
        String kind = lexigram.backendNames().contains(name) ? "backend" : "cache";
        rows.add(List.of(name, kind));
        asJson.add(Map.of("name", name, "kind", kind));
      }
      printer().table(List.of("CACHE", "KIND"), rows, asJson);
      return ExitCodes.OK;
    }
  }

  @Command(name = "stats", description = "How many keys each declared cache holds on its backend.")
  int stats(@Parameters(paramLabel = "CACHE", arity = "0..1", description = "one cache (default: every one)")
      String only) {
    try (CacheManager manager = open()) {
      LexigramCacheManager lexigram = manager.unwrap(LexigramCacheManager.class);
      List<List<String>> rows = new ArrayList<>();
      Map<String, Object> asJson = new LinkedHashMap<>();
      for (String name : only == null ? lexigram.declaredCacheNames() : List.of(only)) {
        Result<Iterator<String>> keys = cache(manager, name).keys("*");
        if (keys.isErr()) {
          return failed(keys.error());
        }
        long count = 0;
        for (Iterator<?> it = keys.unwrap(); it.hasNext(); it.next()) { // keys of any type count
          count++;
        }
        rows.add(List.of(name, String.format("%,d", count)));
        asJson.put(name, Map.of("keys", count));
      }
      printer().table(List.of("CACHE", "KEYS"), rows, asJson);
      return ExitCodes.OK;
    }
  }

  @Command(name = "get", description = "Print a key's value; exit 1 when it is absent.")
  int get(@Parameters(paramLabel = "CACHE") String cacheName, @Parameters(paramLabel = "KEY") String key) {
    try (CacheManager manager = open()) {
      Result<Optional<Object>> value = cache(manager, cacheName).get(key);
      if (value.isErr()) {
        return failed(value.error());
      }
      if (value.unwrap().isEmpty()) {
        err().println("lexigram-cache: no key '" + key + "' in cache '" + cacheName + "'");
        return ExitCodes.NOT_FOUND;
      }
      printer().value(value.unwrap().get());
      return ExitCodes.OK;
    }
  }

  @Command(name = "keys", description = "The keys a glob matches (* ? [abc], \\ escapes).")
  int keys(@Parameters(paramLabel = "CACHE") String cacheName, @Parameters(paramLabel = "GLOB") String glob,
      @Option(names = "--limit", defaultValue = "1000", description = "print at most this many (default ${DEFAULT-VALUE})")
      int limit) {
    try (CacheManager manager = open()) {
      Result<Iterator<String>> keys = cache(manager, cacheName).keys(glob);
      if (keys.isErr()) {
        return failed(keys.error());
      }
      List<String> found = new ArrayList<>();
      for (Iterator<?> it = keys.unwrap(); it.hasNext() && found.size() < limit; ) {
        found.add(String.valueOf(it.next())); // a cache of non-String keys lists them as text
      }
      if (printer().json()) {
        printer().value(found);
      } else {
        found.forEach(printer()::text);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "delete-pattern", description = "Delete every key a glob matches, after asking (or --yes).")
  int deletePattern(@Parameters(paramLabel = "CACHE") String cacheName, @Parameters(paramLabel = "GLOB") String glob,
      @Option(names = {"-y", "--yes"}, description = "do not ask") boolean yes) {
    try (CacheManager manager = open()) {
      return new PatternDelete(this, cache(manager, cacheName), cacheName, glob, yes).run();
    }
  }

  @Command(name = "invalidate-tags", description = "Invalidate tags on every backend (or one), after asking (or --yes).")
  int invalidateTags(@Parameters(paramLabel = "TAG", arity = "1..*") List<String> tags,
      @Option(names = "--backend", description = "only this backend") String backend,
      @Option(names = {"-y", "--yes"}, description = "do not ask") boolean yes) {
    String where = backend == null ? "every backend" : "backend '" + backend + "'";
    if (!Confirmation.ask(this, "Invalidate " + tags + " on " + where + "?", yes)) {
      return ExitCodes.NOT_CONFIRMED;
    }
    try (CacheManager manager = open()) {
      LexigramCacheManager lexigram = manager.unwrap(LexigramCacheManager.class);
      String[] names = tags.toArray(new String[0]);
      Result<Void> done = backend == null ? lexigram.invalidateTags(names) : lexigram.backend(backend).invalidateTags(names);
      if (done.isErr()) {
        return failed(done.error());
      }
      printer().text("invalidated " + tags + " on " + where);
      if (printer().json()) {
        printer().value(Map.of("invalidated", tags, "backend", backend == null ? "*" : backend));
      }
      return ExitCodes.OK;
    }
  }
}
