package dev.lexigram.cache.jcache;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.SemanticCache;
import dev.lexigram.cache.SemanticStatistics;
import dev.lexigram.cache.breaker.CircuitBreaker;
import dev.lexigram.cache.ext.ErrorCounts;
import dev.lexigram.cache.lock.LockCounters;
import dev.lexigram.cache.metrics.Instruments;
import dev.lexigram.cache.metrics.Instruments.Type;
import dev.lexigram.cache.near.NearCounters;
import dev.lexigram.cache.stampede.Stampede;
import dev.lexigram.cache.tag.TagVersions;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Registers each capability's counters as {@link Instruments} of the manager, named in
 * Micrometer's conventions ({@code cache.<capability>.<what>}, tags {@code cache} and
 * {@code backend}): the one place that lists every instrument lexigram-cache offers.
 */
final class Measures {

  private final Instruments instruments;

  Measures(Instruments instruments) {
    this.instruments = instruments;
  }

  Instruments instruments() {
    return instruments;
  }

  /** A cache's own: extension errors by kind, loads stampede protection saved, its near cache. */
  void cache(String cache, String backend, Stampede<?, ?> stampede, ErrorCounts errors, NearCounters near) {
    Map<String, String> tags = Map.of("cache", cache, "backend", backend);
    for (CacheError.Kind kind : CacheError.Kind.values()) {
      instruments.register("cache.extension.errors", with(tags, "kind", kind.name().toLowerCase(Locale.ROOT)),
          Type.COUNTER, "extension API calls that returned an error of this kind", () -> errors.count(kind));
    }
    instruments.register("cache.stampede.saved", with(tags, "where", "this-process"), Type.COUNTER,
        "loader calls saved: reads that waited for the same key's load in this process", stampede::waitsInProcess);
    instruments.register("cache.stampede.saved", with(tags, "where", "other-process"), Type.COUNTER,
        "loader calls saved: loads that found the value another process loaded under the key's lease",
        stampede::savedAcrossProcesses);
    if (near != null) {
      instruments.register("cache.near.hits", tags, Type.COUNTER, "reads answered from the near cache", near::getHits);
      instruments.register("cache.near.misses", tags, Type.COUNTER, "reads the near cache sent to the server",
          near::getMisses);
      instruments.register("cache.near.invalidations", tags, Type.COUNTER,
          "keys the server said changed, dropped from the near cache", near::getInvalidations);
      instruments.register("cache.near.flushes", tags, Type.COUNTER,
          "times the near cache dropped every copy (lost or silent connection, server flush)", near::getFlushes);
      instruments.register("cache.near.size", tags, Type.GAUGE, "copies the near cache holds", near::getSize);
    }
  }

  /** A remote backend's circuit breaker. */
  void breaker(String backend, CircuitBreaker breaker) {
    Map<String, String> tags = Map.of("backend", backend);
    instruments.register("cache.circuit.open", tags, Type.GAUGE, "1 while the circuit is open or half-open, else 0",
        () -> breaker.isOpen() ? 1 : 0);
    instruments.register("cache.circuit.openings", tags, Type.COUNTER, "times the circuit opened", breaker::openings);
    instruments.register("cache.circuit.rejected", tags, Type.COUNTER, "calls failed at once by the open circuit",
        breaker::rejectedCalls);
    instruments.register("cache.circuit.probes", tags, Type.COUNTER, "calls let through to probe the server",
        breaker::probes);
  }

  /** A backend's tag versions. */
  void tags(String backend, TagVersions versions) {
    instruments.register("cache.tags.invalidations", Map.of("backend", backend), Type.COUNTER,
        "tags this process invalidated", versions::invalidations);
  }

  /** A backend's named locks. */
  void locks(String backend, LockCounters locks) {
    Map<String, String> tags = Map.of("backend", backend);
    instruments.register("cache.lock.acquired", tags, Type.COUNTER, "lock leases taken", locks::acquired);
    instruments.register("cache.lock.contended", tags, Type.COUNTER,
        "acquisitions that found the lock held and waited", locks::contended);
    instruments.register("cache.lock.timeouts", tags, Type.COUNTER,
        "acquisitions that gave up after waiting the whole time", locks::timedOut);
    instruments.register("cache.lock.held", tags, Type.GAUGE, "leases this process holds now (taken, not released)",
        locks::held);
  }

  /** A semantic cache: lookups by tier, and the distribution of the nearest similarity. */
  void semantic(String name, String backend, SemanticCache cache) {
    Map<String, String> tags = Map.of("cache", name, "backend", backend);
    instruments.register("cache.semantic.lookups", with(tags, "tier", "exact"), Type.COUNTER,
        "lookups answered by the exact tier", () -> cache.statistics().exactHits());
    instruments.register("cache.semantic.lookups", with(tags, "tier", "semantic"), Type.COUNTER,
        "lookups answered by a paraphrase", () -> cache.statistics().semanticHits());
    instruments.register("cache.semantic.lookups", with(tags, "tier", "miss"), Type.COUNTER,
        "lookups nothing answered", () -> cache.statistics().misses());
    for (double quantile : new double[] {0.5, 0.9, 0.99}) {
      instruments.register("cache.semantic.nearest.similarity", with(tags, "quantile", Double.toString(quantile)),
          Type.GAUGE, "the similarity of the nearest stored prompt of a lookup, at this quantile (0.01 steps)",
          () -> quantile(cache.statistics(), quantile));
    }
  }

  /** The quantile of the nearest-similarity histogram (entry i counts [i/100, (i+1)/100)), or NaN before any. */
  static double quantile(SemanticStatistics statistics, double quantile) {
    long[] histogram = statistics.nearestSimilarity();
    long total = 0;
    for (long count : histogram) {
      total += count;
    }
    if (total == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(quantile * total);
    long seen = 0;
    for (int i = 0; i < histogram.length; i++) {
      seen += histogram[i];
      if (seen >= rank) {
        return i / 100.0;
      }
    }
    return 1.0;
  }

  private static Map<String, String> with(Map<String, String> tags, String key, String value) {
    HashMap<String, String> all = new HashMap<>(tags);
    all.put(key, value);
    return all;
  }
}
