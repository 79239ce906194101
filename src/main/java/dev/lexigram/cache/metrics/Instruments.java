package dev.lexigram.cache.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * The instruments of one cache manager: each a name in Micrometer's conventions
 * ({@code cache.near.hits}), tags ({@code cache}, {@code backend}, …), a type and a function that
 * reads the current value from the counter the capability keeps anyway. Capabilities register
 * theirs as caches and backends open; a reader ({@link LexigramMetrics}, the admin page) sees
 * those registered so far and is told of every later one. Thread-safe.
 */
public final class Instruments {

  /** How a value is read: a count that only grows, or a level that goes up and down. */
  public enum Type { COUNTER, GAUGE }

  /**
   * One instrument.
   *
   * @param name dotted lower-case name, e.g. {@code cache.near.hits}
   * @param tags its tags, e.g. {@code cache=products, backend=shared}
   * @param type counter or gauge
   * @param description what it counts, one sentence
   * @param value reads the current value
   */
  public record Instrument(String name, Map<String, String> tags, Type type, String description, DoubleSupplier value) {
    public Instrument {
      Objects.requireNonNull(name, "name");
      tags = Map.copyOf(tags);
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Where an instrument reads its value: the source of its latest registration. */
  private static final class Source implements DoubleSupplier {
    volatile DoubleSupplier current;

    Source(DoubleSupplier current) {
      this.current = current;
    }

    @Override
    public double getAsDouble() {
      return current.getAsDouble();
    }
  }

  private record Key(String name, Map<String, String> tags) {}

  private final Map<Key, Instrument> registered = new LinkedHashMap<>();
  private final List<Consumer<Instrument>> readers = new ArrayList<>();

  /**
   * Registers an instrument and tells every reader of it. Registering a name and tags again (a
   * cache made anew under its name) points the instrument readers already have at the new value,
   * so they follow the new cache and no longer hold the old one.
   */
  public void register(String name, Map<String, String> tags, Type type, String description, DoubleSupplier value) {
    Objects.requireNonNull(value, "value");
    Key key = new Key(name, Map.copyOf(tags));
    Instrument instrument;
    List<Consumer<Instrument>> told;
    synchronized (this) {
      Instrument known = registered.get(key);
      if (known != null) {
        ((Source) known.value()).current = value;
        return;
      }
      instrument = new Instrument(name, tags, type, description, new Source(value));
      registered.put(key, instrument);
      told = List.copyOf(readers);
    }
    told.forEach(reader -> reader.accept(instrument));
  }

  /** Tells the reader of every instrument registered so far, then of each one registered later. */
  public void read(Consumer<Instrument> reader) {
    List<Instrument> sofar;
    synchronized (this) {
      sofar = List.copyOf(registered.values());
      readers.add(reader);
    }
    sofar.forEach(reader);
  }

  /** Returns the instruments registered so far. */
  public synchronized List<Instrument> list() {
    return List.copyOf(registered.values());
  }
}
