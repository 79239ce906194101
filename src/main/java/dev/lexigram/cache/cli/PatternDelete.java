package dev.lexigram.cache.cli;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.Result;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code delete-pattern}: counts the matching keys (one scan), asks, then deletes them in batches
 * of {@value #BATCH} with a progress bar, and prints how many were deleted.
 */
final class PatternDelete {

  static final int BATCH = 1_000;

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
    long deleted = 0;
    long seen = 0;
    List<String> batch = new ArrayList<>(BATCH);
    for (Iterator<String> keys = cache.keys(glob).unwrap(); keys.hasNext(); ) {
      batch.add(keys.next());
      if (batch.size() == BATCH || !keys.hasNext()) {
        Result<Long> removed = cache.deleteMany(batch);
        if (removed.isErr()) {
          progress.finish(seen);
          return cli.failed(removed.error());
        }
        deleted += removed.unwrap();
        seen += batch.size();
        batch.clear();
        progress.update(seen);
      }
    }
    progress.finish(seen);
    cli.printer().text(String.format("deleted %,d keys matching '%s' from cache '%s'", deleted, glob, cacheName));
    if (cli.printer().json()) {
      cli.printer().value(Map.of("deleted", deleted));
    }
    return ExitCodes.OK;
  }
}
