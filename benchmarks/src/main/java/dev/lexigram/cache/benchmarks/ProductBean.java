package dev.lexigram.cache.benchmarks;

import java.io.Serializable;
import java.util.Objects;

/**
 * The value of {@link MemoryBeanByValueBenchmark}: {@link Product}'s fields in a mutable
 * {@code Serializable} bean, which a store-by-value cache must copy on every put and get.
 */
public final class ProductBean implements Serializable {

  private static final long serialVersionUID = 1L;

  private long id;
  private String sku;
  private String name;
  private String category;
  private long priceCents;
  private int stock;
  private boolean active;

  public ProductBean() {}

  /** Returns the product number {@code i}, with fields that differ per product. */
  static ProductBean number(int i) {
    Product p = Product.number(i);
    ProductBean bean = new ProductBean();
    bean.id = p.id();
    bean.sku = p.sku();
    bean.name = p.name();
    bean.category = p.category();
    bean.priceCents = p.priceCents();
    bean.stock = p.stock();
    bean.active = p.active();
    return bean;
  }

  public long getId() { return id; }
  public void setId(long id) { this.id = id; }
  public String getSku() { return sku; }
  public void setSku(String sku) { this.sku = sku; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public long getPriceCents() { return priceCents; }
  public void setPriceCents(long priceCents) { this.priceCents = priceCents; }
  public int getStock() { return stock; }
  public void setStock(int stock) { this.stock = stock; }
  public boolean isActive() { return active; }
  public void setActive(boolean active) { this.active = active; }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProductBean b && b.id == id && b.priceCents == priceCents && b.stock == stock
        && b.active == active && Objects.equals(b.sku, sku) && Objects.equals(b.name, name)
        && Objects.equals(b.category, category);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }
}
