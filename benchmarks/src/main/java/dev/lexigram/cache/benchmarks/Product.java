package dev.lexigram.cache.benchmarks;

import java.io.Serializable;

/**
 * The value of {@link MemoryByValueBenchmark}: a small immutable domain object of the kind
 * applications cache (about 100 bytes of fields), {@code Serializable} so that Caffeine's JCache,
 * which copies with Java serialization, can store it by value.
 */
public record Product(long id, String sku, String name, String category, long priceCents, int stock,
    boolean active) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Returns the product number {@code i}, with fields that differ per product. */
  static Product number(int i) {
    return new Product(i, "SKU-" + (1_000_000 + i), "Desk lamp, model " + i, "lighting/desk",
        1_999 + (i % 5_000), i % 250, (i & 1) == 0);
  }
}
