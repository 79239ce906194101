package dev.lexigram.cache.metrics;

import dev.lexigram.cache.LexigramCacheManager;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.cache.CacheManager;

/**
 * Binds what a lexigram cache manager measures beyond the JCache statistics to a Micrometer
 * registry: every instrument registered so far, and each one registered later (a cache or a
 * backend opened after binding). Use it beside Micrometer's own {@code JCacheMetrics}, which reads
 * the standard statistics:
 *
 * <pre>{@code
 * new LexigramMetrics(manager).bindTo(registry);
 * }</pre>
 *
 * <p>Needs {@code io.micrometer:micrometer-core} on the class path (an optional dependency).
 */
public final class LexigramMetrics implements MeterBinder {

  private final Instruments instruments;

  /**
   * @param manager a lexigram cache manager
   * @throws IllegalArgumentException if it is not one
   */
  public LexigramMetrics(CacheManager manager) {
    this.instruments = manager.unwrap(LexigramCacheManager.class).instruments();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    instruments.read(instrument -> register(registry, instrument));
  }

  private static void register(MeterRegistry registry, Instruments.Instrument instrument) {
    List<Tag> tags = new ArrayList<>();
    for (Map.Entry<String, String> tag : instrument.tags().entrySet()) {
      tags.add(Tag.of(tag.getKey(), tag.getValue()));
    }
    if (instrument.type() == Instruments.Type.COUNTER) {
      FunctionCounter.builder(instrument.name(), instrument, i -> i.value().getAsDouble())
          .tags(tags).description(instrument.description()).register(registry);
    } else {
      Gauge.builder(instrument.name(), instrument, i -> i.value().getAsDouble())
          .tags(tags).description(instrument.description()).strongReference(true).register(registry);
    }
  }
}
