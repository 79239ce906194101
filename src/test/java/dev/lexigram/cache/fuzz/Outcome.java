package dev.lexigram.cache.fuzz;

import dev.lexigram.cache.serial.SerializationException;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * What one deserialization came to: a value (its class, and its content for the simple types) or
 * a refusal (its reason). Anything else a call throws is not caught here, so it reaches Jazzer,
 * which reports it as a finding: that is the contract the fuzz tests check.
 */
public record Outcome(String description) {

  /** Runs a deserialization; a null value breaks the serializers' contract and fails. */
  public static Outcome of(Supplier<Object> deserialization) {
    Object value;
    try {
      value = deserialization.get();
    } catch (SerializationException e) {
      return new Outcome("refused: " + e.reason());
    }
    if (value == null) {
      throw new AssertionError("deserialize returned null");
    }
    return new Outcome(value.getClass().getName() + describe(value));
  }

  public boolean refused() {
    return description.startsWith("refused: ");
  }

  // only types whose toString is flat: a graph of collections may hold itself
  private static String describe(Object value) {
    if (value instanceof byte[] bytes) {
      return " " + Arrays.toString(bytes);
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Character
        || value instanceof Enum<?>) {
      return " " + value;
    }
    return "";
  }
}
