package dev.lexigram.cache.semantic;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.WriteOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the processes sharing a semantic cache learn of each other's answers: a ring of
 * {@code capacity} slots on the backend. Storing an answer takes the next sequence number
 * ({@code increment} of one key) and writes the record's key into slot {@code number % capacity};
 * a process polls the sequence number and reads the slots it has not seen, in batches of one
 * multi-get. The ring holds the latest {@code capacity} stores, as many as an index keeps: it never
 * grows, on any backend, however many answers are stored over time.
 *
 * <p>A slot may be read before its writer filled it (the number is taken first): it is tried
 * again at the next polls, for {@link #PENDING_POLLS} polls. A slot overwritten by a later turn of
 * the ring, or evicted by memcached, is skipped: the answer stays reachable through the exact tier,
 * only its paraphrases miss in the processes that had not seen it.
 *
 * <p>{@link #append} is thread-safe (two backend calls, no state here); {@link #poll} is not: its
 * owner polls under its own lock.
 */
final class IndexFeed {
  static final int BATCH = 500;
  static final int PENDING_POLLS = 20;
  private static final String SEQUENCE_KEY = "feed:seq";
  private static final String SLOT_PREFIX = "feed:";

  private final LexigramCache<String, Object> store;
  private final int capacity;
  private long seen;
  /** Slot numbers read before they were written, with the polls left to retry them. */
  private final Map<Long, Integer> pending = new LinkedHashMap<>();

  IndexFeed(LexigramCache<String, Object> store, int capacity) {
    this.store = store;
    this.capacity = capacity;
  }

  /** Announces a stored answer's record key to the other processes. */
  void append(String recordKey, WriteOptions options) {
    long number = store.increment(SEQUENCE_KEY, 1).unwrap();
    store.put(slotKey(number), number + " " + recordKey, options).unwrap();
  }

  /** Returns the record keys announced since the last poll (all the ring holds at the first poll). */
  List<String> poll() {
    Optional<Object> current = store.get(SEQUENCE_KEY).unwrap();
    long latest = current.map(v -> ((Number) v).longValue()).orElse(0L);
    List<Long> numbers = new ArrayList<>(pending.keySet());
    if (latest < seen) {
      seen = 0; // the sequence was cleared: read the ring again
    }
    for (long n = Math.max(seen + 1, latest - capacity + 1); n <= latest; n++) {
      numbers.add(n);
    }
    seen = Math.max(seen, latest);
    List<String> keys = new ArrayList<>();
    for (int from = 0; from < numbers.size(); from += BATCH) {
      List<Long> batch = numbers.subList(from, Math.min(numbers.size(), from + BATCH));
      Map<String, Object> slots = store.getMany(batch.stream().map(this::slotKey).toList()).unwrap();
      for (long number : batch) {
        Object slot = slots.get(slotKey(number));
        long written = slot instanceof String text ? numberOf(text) : -1;
        if (written == number) {
          keys.add(((String) slot).substring(((String) slot).indexOf(' ') + 1));
          pending.remove(number);
        } else if (written < number) {
          retryLater(number); // not written yet (or evicted, or unreadable)
        } else {
          pending.remove(number); // overwritten by a later turn of the ring
        }
      }
    }
    return keys;
  }

  private void retryLater(long number) {
    Integer left = pending.get(number);
    if (left == null) {
      pending.put(number, PENDING_POLLS);
    } else if (left <= 1) {
      pending.remove(number);
    } else {
      pending.put(number, left - 1);
    }
  }

  /** Returns the sequence number a slot was written with, or -1 if it does not parse. */
  private static long numberOf(String slot) {
    int space = slot.indexOf(' ');
    if (space <= 0) {
      return -1;
    }
    try {
      return Long.parseLong(slot, 0, space, 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private String slotKey(long number) {
    return SLOT_PREFIX + Math.floorMod(number, capacity);
  }

  /** Forgets what was read, so the next poll reads the whole ring again. */
  void reset() {
    seen = 0;
    pending.clear();
  }

}
