package dev.lexigram.cache.semantic;

import dev.lexigram.cache.semantic.index.FlatIndex;
import dev.lexigram.cache.semantic.index.Match;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.ArrayList;

/**
 * This process's index of stored prompts: their vectors in a {@link FlatIndex}, and for each the
 * backend key of its record. It holds at most {@code maxEntries} prompts; past that, the prompt
 * indexed first leaves it (its answer stays on the backend for the exact tier).
 *
 * <p>Thread-safe: the key map is guarded by this object, the vectors by the index's own lock.
 */
final class LocalIndex {
  private final FlatIndex vectors;
  private final int maxEntries;
  /** Record key by id, in the order they were indexed. */
  private final LinkedHashMap<Long, String> keys = new LinkedHashMap<>();

  LocalIndex(int dimension, int maxEntries) {
    this.vectors = new FlatIndex(dimension, Math.min(maxEntries, 1024));
    this.maxEntries = maxEntries;
  }

  /** A stored prompt near a query: its record's key and its similarity. */
  record Candidate(long id, String key, float similarity) {}

  /** Indexes the prompt's vector under its record key, replacing what the key had. */
  void add(String key, String partition, float[] vector) {
    long id = idOf(key);
    synchronized (this) {
      keys.remove(id);
      keys.put(id, key);
      vectors.add(id, partition, vector);
      Iterator<Map.Entry<Long, String>> oldest = keys.entrySet().iterator();
      while (keys.size() > maxEntries) {
        long evicted = oldest.next().getKey();
        oldest.remove();
        vectors.remove(evicted);
      }
    }
  }

  /** Returns whether the record key is indexed. */
  synchronized boolean contains(String key) {
    return keys.containsKey(idOf(key));
  }

  /** Drops a prompt; returns whether it was indexed. */
  synchronized boolean remove(String key) {
    return remove(idOf(key));
  }

  synchronized boolean remove(long id) {
    keys.remove(id);
    return vectors.remove(id);
  }

  synchronized void clear() {
    keys.keySet().forEach(vectors::remove);
    keys.clear();
  }

  /** Returns the (at most) {@code k} nearest indexed prompts of the partition, nearest first, however far. */
  List<Candidate> nearest(String partition, float[] query, int k) {
    List<Match> matches = vectors.nearest(partition, query, -1f, k);
    List<Candidate> candidates = new ArrayList<>(matches.size());
    synchronized (this) {
      for (Match match : matches) {
        String key = keys.get(match.id());
        if (key != null) {
          candidates.add(new Candidate(match.id(), key, match.similarity()));
        }
      }
    }
    return candidates;
  }

  int size() {
    return vectors.size();
  }

  /**
   * The id of a record key: 64 bits of a hash of it. Two keys sharing an id would only make one
   * replace the other in the index (a lost semantic hit, never a wrong answer: the record read
   * back is checked against the prompt it answers).
   */
  static long idOf(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h ^ (h >>> 31);
  }
}
