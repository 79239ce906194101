package dev.lexigram.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the extension API writes an entry beyond its key and value: its time-to-live and its tags.
 * Immutable; build it from {@link #ttl} or {@link #tagged} and the {@code with…} methods:
 *
 * <pre>{@code
 * cache.put("sku-1", product, WriteOptions.tagged("catalog", "brand:acme").withTtl(Duration.ofMinutes(10)));
 * manager.invalidateTags("brand:acme");   // sku-1 now reads as absent, in every process
 * }</pre>
 *
 * Tags are checked when the options are used: a blank tag, one longer than 200 characters or with
 * control characters, or more than 32 tags on one entry (its cache's included) make the operation
 * fail with {@link CacheError.Kind#INVALID_KEY}.
 */
public final class WriteOptions {

  private static final WriteOptions DEFAULTS = new WriteOptions(null, List.of());

  private final Duration ttl;
  private final List<String> tags;

  private WriteOptions(Duration ttl, List<String> tags) {
    this.ttl = ttl;
    this.tags = tags;
  }

  /** Returns the options of a plain write: the cache's expiry, no tags of its own. */
  public static WriteOptions defaults() {
    return DEFAULTS;
  }

  /** Returns options that write with this time-to-live (positive) instead of the cache's expiry. */
  public static WriteOptions ttl(Duration ttl) {
    return DEFAULTS.withTtl(ttl);
  }

  /** Returns options that write the entry carrying these tags (beside its cache's). */
  public static WriteOptions tagged(String... tags) {
    return DEFAULTS.withTags(tags);
  }

  /** Returns these options with this time-to-live (positive) instead of the cache's expiry. */
  public WriteOptions withTtl(Duration ttl) {
    return new WriteOptions(Objects.requireNonNull(ttl, "ttl"), tags);
  }

  /** Returns these options with these tags added. */
  public WriteOptions withTags(String... tags) {
    Objects.requireNonNull(tags, "tags");
    List<String> all = new ArrayList<>(this.tags);
    all.addAll(Arrays.asList(tags));
    return new WriteOptions(ttl, Collections.unmodifiableList(all));
  }

  /** Returns the time-to-live, or empty for the cache's expiry. */
  public Optional<Duration> timeToLive() {
    return Optional.ofNullable(ttl);
  }

  /** Returns the tags as given (checked when used); never null. */
  public List<String> tags() {
    return tags;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WriteOptions options && Objects.equals(ttl, options.ttl) && tags.equals(options.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ttl, tags);
  }

  @Override
  public String toString() {
    return "WriteOptions[ttl=" + ttl + ", tags=" + tags + "]";
  }
}
