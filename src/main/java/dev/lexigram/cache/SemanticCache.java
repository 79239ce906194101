package dev.lexigram.cache;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A cache of LLM answers by prompt, reached with
 * {@code manager.unwrap(LexigramCacheManager.class).semanticCache(name)} for a cache declared under
 * {@code cache.semantic}. A lookup tries two tiers:
 * <ol>
 *   <li><b>exact</b>: the normalized prompt (Unicode NFKC, lower case, whitespace runs as one
 *       space) was stored as it is;
 *   <li><b>semantic</b>: the prompt is embedded and the nearest stored prompt of the same
 *       partition answers if it is near enough (the cache's threshold, or its cost-aware policy)
 *       and no number or negation tells them apart.
 * </ol>
 * On Redis and memcached the answers, prompts and vectors live on the backend, shared by every
 * process; each process keeps an index of the vectors, brought up to date before a lookup once
 * {@code sync_interval} has passed. An answer that expired, was invalidated or removed never
 * answers, even while an index still lists it.
 *
 * <p>Like the rest of the extension API, every call returns a {@link Result} and never throws;
 * each has an {@code …Async} twin on the manager's executor whose stage always completes normally.
 * An empty or blank prompt is {@code INVALID_KEY}; an answer too large for the backend is
 * {@code CAPACITY}.
 */
public interface SemanticCache {

  /** Returns the name the cache is declared with under {@code cache.semantic}. */
  String name();

  /** Returns the id of the embedding model, e.g. {@code all-minilm-l6-v2-q@1.19.0-beta29/384}. */
  String modelId();

  /** Looks the prompt up in the default partition. */
  Result<Optional<SemanticHit>> lookup(String prompt);

  /** Looks the request's prompt up in its partition, with its cost. */
  Result<Optional<SemanticHit>> lookup(SemanticRequest request);

  /** Stores the answer for the prompt in the default partition, with the cache's ttl. */
  Result<Void> store(String prompt, String answer);

  /** Stores the answer for the request's prompt in its partition, with its ttl, tags and cost. */
  Result<Void> store(SemanticRequest request, String answer);

  /** Removes the prompt's stored answer from the default partition; returns whether there was one. */
  Result<Boolean> invalidate(String prompt);

  /** Removes the request's prompt from its partition; returns whether there was one. */
  Result<Boolean> invalidate(SemanticRequest request);

  /**
   * Returns the cached answer for the prompt, or calls {@code llmCall} and stores its answer. Calls
   * for one missing prompt share one {@code llmCall}: in this process, and on Redis and memcached in
   * every process together (the stampede protection of plain keys).
   *
   * @param llmCall makes a fresh answer; must not return null
   * @return the answer; an error if {@code llmCall} throws ({@code BACKEND}, with its exception as
   *     the cause) or the cache fails
   */
  Result<SemanticAnswer> getOrCompute(String prompt, Supplier<String> llmCall);

  /** As {@link #getOrCompute(String, Supplier)} for a request. */
  Result<SemanticAnswer> getOrCompute(SemanticRequest request, Supplier<String> llmCall);

  /**
   * Reports whether a semantic hit was a right answer to the prompt that found it. With
   * {@code max_error_rate} set, the cache raises the threshold of the hit's partition until the
   * wrong-hit rate it can vouch for is within the budget (see docs/semantic-cache.md). Feedback on
   * an exact hit is ignored: the prompts were the same.
   */
  Result<Void> feedback(SemanticHit hit, boolean correct);

  /**
   * Removes every stored answer of this cache, in every process: one write, whatever the number
   * of answers (the answers carry the cache's tag, {@code semantic.<name>}). This process misses
   * at once; another within its {@code tag_staleness} (100 ms by default), as for any tag.
   */
  Result<Void> clear();

  /** Returns this process's counters. */
  SemanticStatistics statistics();

  CompletionStage<Result<Optional<SemanticHit>>> lookupAsync(String prompt);

  CompletionStage<Result<Optional<SemanticHit>>> lookupAsync(SemanticRequest request);

  CompletionStage<Result<Void>> storeAsync(String prompt, String answer);

  CompletionStage<Result<Void>> storeAsync(SemanticRequest request, String answer);

  CompletionStage<Result<Boolean>> invalidateAsync(String prompt);

  CompletionStage<Result<Boolean>> invalidateAsync(SemanticRequest request);

  CompletionStage<Result<SemanticAnswer>> getOrComputeAsync(String prompt, Supplier<String> llmCall);

  CompletionStage<Result<SemanticAnswer>> getOrComputeAsync(SemanticRequest request, Supplier<String> llmCall);

  CompletionStage<Result<Void>> clearAsync();
}
