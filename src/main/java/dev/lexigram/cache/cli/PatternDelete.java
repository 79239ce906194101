package dev.lexigram.cache.cli;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.Result;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code delete-pattern}: counts the matching keys (one scan), asks, then deletes them in batches
 * of {@value #BATCH}, {@value #PARALLEL} batches at a time (a remote removal waits for a round trip
 * per key, so batches in parallel keep the connection busy), with a progress bar, and prints how
 * many were deleted.
 */
final class PatternDelete {

  static final int BATCH = 1_000;
  static final int PARALLEL = 8;

  private final LexigramCli cli;
  private final LexigramCache<String, Object> cache;
  private final String cacheName;
  private final String glob;
  private final boolean yes;

  PatternDelete(LexigramCli cli, LexigramCache<String, Object> cache, String cacheName, String glob, boolean yes) {
    this.cli = cli;
    this.cache = cache;
    this.cacheName = cacheName;
    this.glob = glob;
    this.yes = yes;
  }

  /** One batch's size and outcome. */
  private record Batch(int size, Result<Long> removed) {}

  private static Batch take(ExecutorCompletionService<Batch> done) {
    try {
      return done.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deleting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a batch failed: " + e.getCause(), e.getCause());
    }
  }

  int run() {
    Result<Iterator<String>> counting = cache.keys(glob);
    if (counting.isErr()) {
      return cli.failed(counting.error());
    }
    long total = 0;
    for (Iterator<String> keys = counting.unwrap(); keys.hasNext(); keys.next()) {
      total++;
    }
    if (total == 0) {
      cli.printer().text("no key in cache '" + cacheName + "' matches " + glob);
      if (cli.printer().json()) {
        cli.printer().value(Map.of("deleted", 0));
      }
      return ExitCodes.OK;
    }
    if (!Confirmation.ask(cli, String.format("Delete %,d keys matching '%s' from cache '%s'?", total, glob, cacheName),
        yes)) {
      return ExitCodes.NOT_CONFIRMED;
    }
    Progress progress = new Progress(cli.err(), "deleting", total, System.console() != null);
    ExecutorService workers = Executors.newFixedThreadPool(PARALLEL);
    ExecutorCompletionService<Batch> done = new ExecutorCompletionService<>(workers);
    long deleted = 0;
    long seen = 0;
    int running = 0;
    CacheError failure = null;
    try {
      List<String> batch = new ArrayList<>(BATCH);
      for (Iterator<String> keys = cache.keys(glob).unwrap(); keys.hasNext() && failure == null; ) {
        batch.add(keys.next());
        if (batch.size() == BATCH || !keys.hasNext()) {
          List<String> mine = List.copyOf(batch);
          batch.clear();
          done.submit(() -> new Batch(mine.size(), cache.deleteMany(mine)));
          running++;
          if (running == PARALLEL) {
            Batch finished = take(done);
            running--;
            failure = finished.removed().error();
            deleted += finished.removed().isOk() ? finished.removed().unwrap() : 0;
            seen += finished.size();
            progress.update(Math.min(seen, total));
          }
        }
      }
      while (running > 0) {
        Batch finished = take(done);
        running--;
        failure = failure != null ? failure : finished.removed().error();
        deleted += finished.removed().isOk() ? finished.removed().unwrap() : 0;
        seen += finished.size();
        progress.update(Math.min(seen, total));
      }
    } finally {
      workers.shutdownNow();
    }
    progress.finish(Math.min(seen, total));
    if (failure != null) {
      return cli.failed(failure);
    }
    cli.printer().text(String.format("deleted %,d keys matching '%s' from cache '%s'", deleted, glob, cacheName));
    if (cli.printer().json()) {
      cli.printer().value(Map.of("deleted", deleted));
    }
    return ExitCodes.OK;
  }
}
