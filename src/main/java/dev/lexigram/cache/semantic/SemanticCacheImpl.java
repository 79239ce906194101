package dev.lexigram.cache.semantic;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.SemanticAnswer;
import dev.lexigram.cache.SemanticCache;
import dev.lexigram.cache.SemanticHit;
import dev.lexigram.cache.SemanticHit.Tier;
import dev.lexigram.cache.SemanticRequest;
import dev.lexigram.cache.SemanticStatistics;
import dev.lexigram.cache.WriteOptions;
import dev.lexigram.cache.config.SemanticSettings;
import dev.lexigram.cache.semantic.embed.Embedder;
import dev.lexigram.cache.serial.SerializationException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link SemanticCache} over a cache of its own on a backend ({@code semantic.<name>}), whose
 * entries are {@link AnswerRecord}s under {@link SemanticKeys#record} keys. The exact tier is a
 * plain read of the prompt's key; the semantic tier embeds the prompt, asks this process's
 * {@link LocalIndex} for the nearest stored prompt of the partition, and reads that prompt's record
 * from the backend before it answers: an answer that expired, was removed or invalidated on the
 * backend is never returned, and leaves the index when found missing.
 *
 * <p>On a shared backend an {@link IndexFeed} tells each process of the others' answers: a lookup
 * polls it first once {@code sync_interval} has passed since the last poll began.
 */
public final class SemanticCacheImpl implements SemanticCache {
  /**
   * The nearest stored prompts a lookup considers, nearest first, from one scan of the index: past
   * one whose record is gone, or that a guard refuses ("for 4 people" when the prompt says 3 may be
   * nearer than the prompt it rephrases).
   */
  static final int CANDIDATES = 4;

  private final SemanticSettings settings;
  private final LexigramCache<String, Object> store;
  private final Embedder embedder;
  private final IndexFeed feed;
  private final Function<String[], Result<Void>> invalidateTags;
  private final Executor executor;
  private final Clock clock;
  private final LocalIndex index;
  private final Acceptance acceptance;
  private final SemanticCounters counters = new SemanticCounters();
  private final String cacheTag;
  private final ReentrantLock syncing = new ReentrantLock();
  private final long syncNanos;
  private volatile long lastSync;

  /**
   * Opens the cache, reading every answer the feed announces when the backend is shared.
   *
   * @param store the cache of its records
   * @param embedder the embedding model
   * @param shared whether other processes share the backend (then the feed is used)
   * @param invalidateTags invalidates tags on the backend
   * @param executor where asynchronous calls run
   */
  public SemanticCacheImpl(SemanticSettings settings, LexigramCache<String, Object> store, Embedder embedder,
      boolean shared, Function<String[], Result<Void>> invalidateTags, Executor executor, Clock clock) {
    this.settings = settings;
    this.store = store;
    this.embedder = embedder;
    this.invalidateTags = invalidateTags;
    this.executor = executor;
    this.clock = clock;
    this.index = new LocalIndex(embedder.dimension(), settings.maxEntries());
    this.acceptance = new Acceptance(settings);
    this.cacheTag = "semantic." + settings.name();
    this.feed = shared ? new IndexFeed(store, settings.maxEntries()) : null;
    this.syncNanos = settings.syncInterval().toNanos();
    if (feed != null) {
      sync(true);
    }
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public String modelId() {
    return embedder.modelId();
  }

  @Override
  public Result<Optional<SemanticHit>> lookup(String prompt) {
    return lookup(SemanticRequest.of(prompt));
  }

  @Override
  public Result<Optional<SemanticHit>> lookup(SemanticRequest request) {
    return SemanticOutcomes.capture(() -> probe(request).hit());
  }

  @Override
  public Result<Void> store(String prompt, String answer) {
    return store(SemanticRequest.of(prompt), answer);
  }

  @Override
  public Result<Void> store(SemanticRequest request, String answer) {
    return SemanticOutcomes.capture(() -> {
      Objects.requireNonNull(answer, "answer");
      String normalized = PromptNormalizer.normalize(request.prompt());
      float[] vector = embedder.fits(normalized) ? embedder.embed(normalized) : null;
      AnswerRecord record = record(request, normalized, answer, vector);
      String key = SemanticKeys.record(record.partition(), normalized);
      store.put(key, record.encode(), options(request)).unwrap();
      indexStored(key, record, request);
      return null;
    });
  }

  @Override
  public Result<Boolean> invalidate(String prompt) {
    return invalidate(SemanticRequest.of(prompt));
  }

  @Override
  public Result<Boolean> invalidate(SemanticRequest request) {
    return SemanticOutcomes.capture(() -> {
      String key = SemanticKeys.record(request.partition(), PromptNormalizer.normalize(request.prompt()));
      boolean removed = store.delete(key).unwrap();
      index.remove(key);
      return removed;
    });
  }

  @Override
  public Result<SemanticAnswer> getOrCompute(String prompt, Supplier<String> llmCall) {
    return getOrCompute(SemanticRequest.of(prompt), llmCall);
  }

  @Override
  public Result<SemanticAnswer> getOrCompute(SemanticRequest request, Supplier<String> llmCall) {
    return SemanticOutcomes.capture(() -> {
      Objects.requireNonNull(llmCall, "llmCall");
      Probe probe = probe(request);
      if (probe.hit().isPresent()) {
        return new SemanticAnswer(probe.hit().get().answer(), probe.hit());
      }
      AnswerRecord[] computed = {null};
      Object value = store.getOrCompute(probe.key(), options(request), key -> {
        String answer = call(llmCall);
        float[] vector = probe.vector() != null || !embedder.fits(probe.normalized()) ? probe.vector()
            : embedder.embed(probe.normalized());
        computed[0] = record(request, probe.normalized(), answer, vector);
        return computed[0].encode();
      }).unwrap();
      if (computed[0] != null) {
        indexStored(probe.key(), computed[0], request);
        return new SemanticAnswer(computed[0].answer(), Optional.empty());
      }
      AnswerRecord found = decode(value);
      return new SemanticAnswer(found.answer(), Optional.of(
          new SemanticHit(found.answer(), 1.0, Tier.EXACT, found.prompt(), found.partition())));
    });
  }

  /** Runs the model call; its failure, of whatever type, is the caller's {@code BACKEND} error. */
  private static String call(Supplier<String> llmCall) {
    String answer;
    try {
      answer = llmCall.get();
    } catch (RuntimeException e) {
      throw new LlmCallException("The LLM call of getOrCompute failed: " + e, e);
    }
    if (answer == null) {
      throw new LlmCallException("The LLM call of getOrCompute returned null; return the answer, or throw", null);
    }
    return answer;
  }

  /** A failure of the caller's LLM call. */
  static final class LlmCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LlmCallException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public Result<Void> feedback(SemanticHit hit, boolean correct) {
    return SemanticOutcomes.capture(() -> {
      Objects.requireNonNull(hit, "hit");
      if (hit.tier() == Tier.SEMANTIC) {
        (correct ? counters.correct : counters.wrong).increment();
        acceptance.feedback(hit.partition(), hit.similarity(), correct);
      }
      return null;
    });
  }

  @Override
  public Result<Void> clear() {
    return SemanticOutcomes.capture(() -> {
      invalidateTags.apply(new String[] {cacheTag}).unwrap();
      index.clear();
      return null;
    });
  }

  @Override
  public SemanticStatistics statistics() {
    return counters.snapshot(index.size());
  }

  /** What a lookup found: the hit, or on a miss the prompt's key and vector for a store to reuse. */
  private record Probe(Optional<SemanticHit> hit, String normalized, String key, float[] vector) {}

  private Probe probe(SemanticRequest request) {
    String normalized = PromptNormalizer.normalize(request.prompt());
    String partition = request.partition();
    String key = SemanticKeys.record(partition, normalized);
    counters.lookups.increment();
    Optional<AnswerRecord> exact = read(key).filter(r -> r.prompt().equals(normalized) && r.partition().equals(partition));
    if (exact.isPresent()) {
      counters.exactHits.increment();
      counters.nearest(1.0);
      AnswerRecord r = exact.get();
      return new Probe(Optional.of(new SemanticHit(r.answer(), 1.0, Tier.EXACT, r.prompt(), partition)), normalized,
          key, null);
    }
    if (!embedder.fits(normalized)) {
      counters.tooLong.increment();
      counters.misses.increment();
      return new Probe(Optional.empty(), normalized, key, null);
    }
    syncIfDue();
    float[] vector = embedder.embed(normalized);
    Optional<SemanticHit> hit = nearest(partition, normalized, vector, request.cost().orElse(settings.defaultCost()));
    (hit.isPresent() ? counters.semanticHits : counters.misses).increment();
    return new Probe(hit, normalized, key, vector);
  }

  private Optional<SemanticHit> nearest(String partition, String normalized, float[] vector, double cost) {
    List<LocalIndex.Candidate> candidates = index.nearest(partition, vector, CANDIDATES);
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    counters.nearest(Math.min(1.0, candidates.get(0).similarity()));
    for (LocalIndex.Candidate candidate : candidates) {
      double similarity = Math.min(1.0, candidate.similarity());
      if (!acceptance.accepts(partition, similarity, cost)) {
        return Optional.empty(); // the candidates come nearest first: the next ones are no nearer
      }
      Optional<AnswerRecord> record = read(candidate.key());
      if (record.isEmpty() || !record.get().comparableWith(embedder.modelId())
          || !record.get().partition().equals(partition)) {
        index.remove(candidate.id()); // expired, removed, invalidated or replaced on the backend
        continue;
      }
      if (settings.guards() && MeaningGuard.refuse(normalized, record.get().prompt()) != null) {
        counters.guardRejections.increment();
        continue; // the next candidate may be the prompt this one rephrases
      }
      AnswerRecord r = record.get();
      return Optional.of(new SemanticHit(r.answer(), similarity, Tier.SEMANTIC, r.prompt(), partition));
    }
    return Optional.empty();
  }

  private void indexStored(String key, AnswerRecord record, SemanticRequest request) {
    counters.stores.increment();
    if (record.vector() == null) {
      return;
    }
    index.add(key, record.partition(), record.vector());
    if (feed != null) {
      feed.append(key, ttl(request).map(WriteOptions::ttl).orElse(WriteOptions.defaults()));
    }
  }

  private void syncIfDue() {
    if (feed != null && System.nanoTime() - lastSync >= syncNanos) {
      sync(false);
    }
  }

  /** Polls the feed and indexes what it announces; with {@code force}, even if another poll just ran. */
  private void sync(boolean force) {
    syncing.lock();
    try {
      long started = System.nanoTime();
      if (!force && started - lastSync < syncNanos) {
        return; // another thread polled while this one waited
      }
      List<String> keys = feed.poll();
      keys.removeIf(index::contains); // this process's own stores, and answers read before
      for (int from = 0; from < keys.size(); from += IndexFeed.BATCH) {
        List<String> batch = keys.subList(from, Math.min(keys.size(), from + IndexFeed.BATCH));
        Map<String, Object> records = store.getMany(batch).unwrap();
        records.forEach((key, value) -> {
          AnswerRecord record = decodeOrNull(value);
          if (record != null && record.comparableWith(embedder.modelId())) {
            index.add(key, record.partition(), record.vector());
          }
        });
      }
      lastSync = started;
    } finally {
      syncing.unlock();
    }
  }

  private Optional<AnswerRecord> read(String key) {
    return store.get(key).unwrap().map(SemanticCacheImpl::decode);
  }

  private static AnswerRecord decode(Object value) {
    if (!(value instanceof byte[] bytes)) {
      throw new SerializationException(SerializationException.Reason.CORRUPT, "A semantic cache entry holds a "
          + (value == null ? "null" : value.getClass().getName()) + ", not a record; was its key written by other code?");
    }
    try {
      return AnswerRecord.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw new SerializationException(SerializationException.Reason.CORRUPT, e.getMessage(), e);
    }
  }

  private static AnswerRecord decodeOrNull(Object value) {
    try {
      return decode(value);
    } catch (SerializationException e) {
      return null;
    }
  }

  private AnswerRecord record(SemanticRequest request, String normalized, String answer, float[] vector) {
    return new AnswerRecord(embedder.modelId(), request.partition(), normalized, answer,
        request.cost().orElse(Double.NaN), clock.millis(), vector);
  }

  private WriteOptions options(SemanticRequest request) {
    List<String> tags = new ArrayList<>(request.tags());
    tags.add(cacheTag);
    WriteOptions options = WriteOptions.tagged(tags.toArray(String[]::new));
    return ttl(request).map(options::withTtl).orElse(options);
  }

  /** The request's ttl, else the cache's; empty for the backend's default expiry. */
  private Optional<Duration> ttl(SemanticRequest request) {
    return request.ttl().or(() -> Optional.ofNullable(settings.ttl()));
  }

  @Override
  public CompletionStage<Result<Optional<SemanticHit>>> lookupAsync(String prompt) {
    return SemanticOutcomes.async(executor, () -> lookup(prompt));
  }

  @Override
  public CompletionStage<Result<Optional<SemanticHit>>> lookupAsync(SemanticRequest request) {
    return SemanticOutcomes.async(executor, () -> lookup(request));
  }

  @Override
  public CompletionStage<Result<Void>> storeAsync(String prompt, String answer) {
    return SemanticOutcomes.async(executor, () -> store(prompt, answer));
  }

  @Override
  public CompletionStage<Result<Void>> storeAsync(SemanticRequest request, String answer) {
    return SemanticOutcomes.async(executor, () -> store(request, answer));
  }

  @Override
  public CompletionStage<Result<Boolean>> invalidateAsync(String prompt) {
    return SemanticOutcomes.async(executor, () -> invalidate(prompt));
  }

  @Override
  public CompletionStage<Result<Boolean>> invalidateAsync(SemanticRequest request) {
    return SemanticOutcomes.async(executor, () -> invalidate(request));
  }

  @Override
  public CompletionStage<Result<SemanticAnswer>> getOrComputeAsync(String prompt, Supplier<String> llmCall) {
    return SemanticOutcomes.async(executor, () -> getOrCompute(prompt, llmCall));
  }

  @Override
  public CompletionStage<Result<SemanticAnswer>> getOrComputeAsync(SemanticRequest request, Supplier<String> llmCall) {
    return SemanticOutcomes.async(executor, () -> getOrCompute(request, llmCall));
  }

  @Override
  public CompletionStage<Result<Void>> clearAsync() {
    return SemanticOutcomes.async(executor, this::clear);
  }

  @Override
  public String toString() {
    return "SemanticCache[" + settings.name() + ", model " + embedder.modelId() + ", " + index.size() + " indexed]";
  }
}
