package dev.lexigram.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A prompt with what a {@link SemanticCache} needs to know beside its text. Immutable; start from
 * {@link #of} and add with the {@code with…} methods:
 *
 * <pre>{@code
 * SemanticRequest.of(userQuestion)
 *     .withPartition("gpt-4o", tenantId, sha256(systemPrompt + priorTurns))
 *     .withCost(0.03, 1_500)                   // USD per 1k tokens, tokens a fresh answer takes
 *     .withTtl(Duration.ofHours(6));
 * }</pre>
 *
 * <ul>
 *   <li><b>Partition.</b> Answers are found only within the partition they were stored in: put in
 *       it everything that changes the answer but is not the question itself (the model, the
 *       tenant, a hash of the system prompt and of the prior turns). It is never mixed into the
 *       text that is embedded. No partition is the default partition.
 *   <li><b>Cost.</b> What a fresh answer costs, in US dollars; the {@code cost_aware} policy
 *       accepts a less similar stored prompt when a fresh answer is expensive. Without it, the
 *       cache's {@code cost_per_1k_tokens} × {@code expected_tokens} applies.
 *   <li><b>TTL and tags.</b> How long a stored answer lives (instead of the cache's {@code ttl}),
 *       and tags whose invalidation removes it ({@link LexigramCacheManager#invalidateTags}).
 * </ul>
 */
public final class SemanticRequest {
  private static final String SEPARATOR = "\u001f";

  private final String prompt;
  private final List<String> partition;
  private final Double cost;
  private final Duration ttl;
  private final List<String> tags;

  private SemanticRequest(String prompt, List<String> partition, Double cost, Duration ttl, List<String> tags) {
    this.prompt = prompt;
    this.partition = partition;
    this.cost = cost;
    this.ttl = ttl;
    this.tags = tags;
  }

  /** Returns a request for this prompt in the default partition. */
  public static SemanticRequest of(String prompt) {
    return new SemanticRequest(Objects.requireNonNull(prompt, "prompt"), List.of(), null, null, List.of());
  }

  /**
   * Returns this request in the partition named by these parts, in order (e.g. the model, the
   * tenant, a hash of the context).
   *
   * @throws IllegalArgumentException if a part holds the character U+001F, which separates parts
   */
  public SemanticRequest withPartition(String... parts) {
    List<String> copy = List.of(parts);
    for (String part : copy) {
      if (part.contains(SEPARATOR)) {
        throw new IllegalArgumentException("A partition part holds U+001F, which separates parts: " + part);
      }
    }
    return new SemanticRequest(prompt, copy, cost, ttl, tags);
  }

  /**
   * Returns this request with the cost of a fresh answer in US dollars.
   *
   * @throws IllegalArgumentException if the cost is negative or not finite
   */
  public SemanticRequest withCost(double dollars) {
    if (!(dollars >= 0) || Double.isInfinite(dollars)) {
      throw new IllegalArgumentException("A cost is a finite number of dollars, 0 or more; got " + dollars);
    }
    return new SemanticRequest(prompt, partition, dollars, ttl, tags);
  }

  /** Returns this request with the cost of a fresh answer of {@code tokens} tokens at this price. */
  public SemanticRequest withCost(double dollarsPer1kTokens, long tokens) {
    if (tokens < 0) {
      throw new IllegalArgumentException("A token count is 0 or more; got " + tokens);
    }
    return withCost(dollarsPer1kTokens * tokens / 1000.0);
  }

  /**
   * Returns this request storing its answer for {@code ttl} (positive).
   *
   * @throws IllegalArgumentException if the ttl is zero or negative
   */
  public SemanticRequest withTtl(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("A ttl is positive; got " + ttl);
    }
    return new SemanticRequest(prompt, partition, cost, ttl, tags);
  }

  /** Returns this request storing its answer with these tags added (checked when stored). */
  public SemanticRequest withTags(String... tags) {
    List<String> all = new ArrayList<>(this.tags);
    all.addAll(Arrays.asList(tags));
    return new SemanticRequest(prompt, partition, cost, ttl, Collections.unmodifiableList(all));
  }

  /** Returns the prompt as given. */
  public String prompt() {
    return prompt;
  }

  /** Returns the partition's parts; empty for the default partition. */
  public List<String> partitionParts() {
    return partition;
  }

  /** Returns the partition as one string, its parts joined by U+001F; {@code ""} for the default. */
  public String partition() {
    return String.join(SEPARATOR, partition);
  }

  /** Returns the cost of a fresh answer in dollars, if given. */
  public OptionalDouble cost() {
    return cost == null ? OptionalDouble.empty() : OptionalDouble.of(cost);
  }

  /** Returns the time-to-live of a stored answer, if given. */
  public Optional<Duration> ttl() {
    return Optional.ofNullable(ttl);
  }

  /** Returns the tags of a stored answer; never null. */
  public List<String> tags() {
    return tags;
  }

  @Override
  public String toString() {
    return "SemanticRequest[prompt=" + (prompt.length() > 60 ? prompt.substring(0, 60) + "…" : prompt)
        + ", partition=" + partition + ", cost=" + cost + ", ttl=" + ttl + ", tags=" + tags + "]";
  }
}
