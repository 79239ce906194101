package dev.lexigram.cache.backend.redis;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the records of one store that read as misses because they could not be decoded,
 * deserialized or verified; the first is logged as a warning, later ones at debug level.
 */
final class UnreadableRecords {

  private static final Logger log = LoggerFactory.getLogger(UnreadableRecords.class);

  private final String namespace;
  private final AtomicLong count = new AtomicLong();

  UnreadableRecords(String namespace) {
    this.namespace = namespace;
  }

  void record(Object key, Exception reason) {
    if (count.getAndIncrement() == 0) {
      log.warn("Redis entries in '{}' that cannot be read are treated as misses; the first is key '{}': {}"
          + " (later ones are logged at debug level)", namespace, key, reason.toString());
    } else {
      log.debug("Unreadable Redis entry in '{}', key '{}': {}", namespace, key, reason.toString());
    }
  }

  long count() {
    return count.get();
  }
}
