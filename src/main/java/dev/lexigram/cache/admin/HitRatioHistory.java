package dev.lexigram.cache.admin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hit ratio of each cache over the last {@value #SAMPLES} samples: per sample, the hits and
 * misses since the previous one (not since the start), so the chart shows what happens now.
 */
final class HitRatioHistory {

  static final int SAMPLES = 30;

  private record Totals(long hits, long misses) {}

  private final Map<String, Deque<Double>> ratios = new LinkedHashMap<>();
  private final Map<String, Totals> previous = new LinkedHashMap<>();

  synchronized void sample(List<CacheStatus> caches) {
    for (CacheStatus cache : caches) {
      Totals before = previous.getOrDefault(cache.name(), new Totals(0, 0));
      if (cache.hits() < before.hits() || cache.misses() < before.misses()) {
        before = new Totals(0, 0); // the counts started again (cleared, or the cache made anew): all is new
      }
      long hits = cache.hits() - before.hits();
      long misses = cache.misses() - before.misses();
      previous.put(cache.name(), new Totals(cache.hits(), cache.misses()));
      Deque<Double> series = ratios.computeIfAbsent(cache.name(), name -> new ArrayDeque<>());
      series.addLast(CacheStatus.ratio(hits, misses));
      while (series.size() > SAMPLES) {
        series.removeFirst();
      }
    }
  }

  synchronized List<Double> of(String cache) {
    Deque<Double> series = ratios.get(cache);
    return series == null ? List.of() : List.copyOf(series);
  }
}
