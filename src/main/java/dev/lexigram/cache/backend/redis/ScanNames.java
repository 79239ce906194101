package dev.lexigram.cache.backend.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The names matching a Redis pattern, fetched lazily with {@code SCAN MATCH pattern COUNT 500}.
 * It tolerates concurrent changes as {@code SCAN} does (a name present for the whole scan is
 * returned; one added or removed meanwhile may or may not be); names {@code SCAN} repeats are
 * returned once.
 */
final class ScanNames implements Iterator<String> {

  static final int COUNT = 500;

  private final RedisClusterCommands<String, byte[]> commands;
  private final ScanArgs args;
  private final RedisFailures failures;
  private final Set<String> seen = new HashSet<>();
  private ScanCursor cursor = ScanCursor.INITIAL;
  private Iterator<String> batch = Collections.emptyIterator();
  private String next;

  ScanNames(RedisClusterCommands<String, byte[]> commands, String pattern, RedisFailures failures) {
    this.commands = commands;
    this.args = ScanArgs.Builder.matches(pattern).limit(COUNT);
    this.failures = failures;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (batch.hasNext()) {
        String candidate = batch.next();
        if (seen.add(candidate)) {
          next = candidate;
        }
      } else if (cursor.isFinished()) {
        return false;
      } else {
        batch = scanOnce().iterator();
      }
    }
    return true;
  }

  private Iterable<String> scanOnce() {
    try {
      KeyScanCursor<String> page = commands.scan(cursor, args);
      cursor = page;
      return page.getKeys();
    } catch (RuntimeException e) {
      throw failures.translate(e, "SCAN", null);
    }
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String result = next;
    next = null;
    return result;
  }
}
