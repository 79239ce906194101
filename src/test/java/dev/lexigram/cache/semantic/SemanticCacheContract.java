package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.CacheError;
import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.SemanticAnswer;
import dev.lexigram.cache.SemanticCache;
import dev.lexigram.cache.SemanticHit;
import dev.lexigram.cache.SemanticHit.Tier;
import dev.lexigram.cache.SemanticRequest;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.config.SemanticSettings;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The semantic cache's behaviour, written once; each backend supplies its settings. Every test
 * works in a partition of its own, so tests sharing a server never see each other's answers.
 */
public abstract class SemanticCacheContract {

  /** The settings of the backend under test (its default backend), without semantic caches. */
  protected abstract LexigramSettings settings();

  protected FakeClock clock() {
    return FakeClock.startingNow();
  }

  protected CacheFixture fixture;
  protected SemanticCache answers;
  /** A partition of this test's own. */
  protected String partition;

  @BeforeEach
  void open() {
    fixture = newFixture(SemanticSettings.defaults("answers"));
    answers = manager(fixture).semanticCache("answers");
    partition = UUID.randomUUID().toString();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  protected CacheFixture newFixture(SemanticSettings semantic) {
    LexigramSettings base = settings();
    return new CacheFixture(new LexigramSettings(base.source(), base.backends(), base.caches(), base.service(),
        base.environment(), Map.of(semantic.name(), semantic)), clock());
  }

  protected static LexigramCacheManager manager(CacheFixture fixture) {
    return fixture.manager().unwrap(LexigramCacheManager.class);
  }

  protected SemanticRequest request(String prompt) {
    return SemanticRequest.of(prompt).withPartition(partition);
  }

  protected static <T> T ok(Result<T> result) {
    assertThat(result.error()).isNull();
    return result.unwrap();
  }

  @Test
  void exactTier_answersTheSamePrompt_afterNormalization() {
    ok(answers.store(request("What is the capital of France?"), "Paris"));

    SemanticHit hit = ok(answers.lookup(request("  what IS the capital of   France?"))).orElseThrow();

    assertThat(hit.tier()).isEqualTo(Tier.EXACT);
    assertThat(hit.answer()).isEqualTo("Paris");
    assertThat(hit.similarity()).isEqualTo(1.0);
  }

  @Test
  void semanticTier_answersAParaphrase() {
    ok(answers.store(request("How do I reset my password?"), "Use the 'forgot password' link."));

    SemanticHit hit = ok(answers.lookup(request("how can I reset my password"))).orElseThrow();

    assertThat(hit.tier()).isEqualTo(Tier.SEMANTIC);
    assertThat(hit.answer()).isEqualTo("Use the 'forgot password' link.");
    assertThat(hit.similarity()).isBetween(0.92, 1.0);
    assertThat(hit.storedPrompt()).isEqualTo("how do i reset my password?");
  }

  @Test
  void unrelatedPrompt_misses_andTheNearestSimilarityIsCounted() {
    ok(answers.store(request("How do I reset my password?"), "link"));
    long before = sum(answers.statistics().nearestSimilarity());

    assertThat(ok(answers.lookup(request("What is the boiling point of water?")))).isEmpty();

    assertThat(sum(answers.statistics().nearestSimilarity())).isEqualTo(before + 1);
    assertThat(answers.statistics().misses()).isPositive();
  }

  @Test
  void trap_differentCity_misses() {
    ok(answers.store(request("What is the weather in Paris today?"), "sunny"));

    assertThat(ok(answers.lookup(request("What is the weather in London today?")))).isEmpty();
  }

  @Test
  void trap_negation_misses() {
    ok(answers.store(request("Is aspirin safe during pregnancy?"), "ask a doctor"));

    assertThat(ok(answers.lookup(request("Is aspirin not safe during pregnancy?")))).isEmpty();
    assertThat(answers.statistics().guardRejections()).isPositive();
  }

  @Test
  void trap_differentNumber_misses() {
    ok(answers.store(request("How many calories are in 100 grams of rice?"), "130"));

    assertThat(ok(answers.lookup(request("How many calories are in 200 grams of rice?")))).isEmpty();
  }

  @Test
  void aGuardRefusingTheNearestPrompt_letsTheNextOneAnswer() {
    ok(answers.store(request("How long should I steam tofu for 3 people?"), "for three"));
    ok(answers.store(request("How long should I steam tofu for 4 people?"), "for four"));
    ok(answers.store(request("How long should I steam tofu for 5 people?"), "for five"));

    SemanticHit hit = ok(answers.lookup(request("how long do I need to steam tofu for 4 people"))).orElseThrow();

    assertThat(hit.answer()).isEqualTo("for four");
  }

  @Test
  void partitions_neverAnswerEachOther() {
    ok(answers.store(request("How do I reset my password?"), "tenant A's answer"));

    SemanticRequest otherTenant = SemanticRequest.of("How do I reset my password?").withPartition(partition, "tenant-b");
    assertThat(ok(answers.lookup(otherTenant))).isEmpty();
    assertThat(ok(answers.lookup(SemanticRequest.of("how can I reset my password").withPartition(partition, "tenant-b"))))
        .isEmpty();
  }

  @Test
  void invalidate_removesTheAnswerFromBothTiers() {
    ok(answers.store(request("How do I reset my password?"), "link"));

    assertThat(ok(answers.invalidate(request("how do i reset my password?")))).isTrue();

    assertThat(ok(answers.lookup(request("How do I reset my password?")))).isEmpty();
    assertThat(ok(answers.lookup(request("how can I reset my password")))).isEmpty();
    assertThat(ok(answers.invalidate(request("How do I reset my password?")))).isFalse();
  }

  @Test
  void clear_removesEveryAnswer() {
    ok(answers.store(request("How do I reset my password?"), "link"));

    ok(answers.clear());

    assertThat(ok(answers.lookup(request("How do I reset my password?")))).isEmpty();
    assertThat(ok(answers.lookup(request("how can I reset my password")))).isEmpty();
  }

  @Test
  void emptyAndBlankPrompts_areInvalidKeyErrors() {
    for (String prompt : List.of("", "   \t\n")) {
      assertThat(answers.lookup(prompt).error().kind()).isEqualTo(CacheError.Kind.INVALID_KEY);
      assertThat(answers.store(prompt, "x").error().kind()).isEqualTo(CacheError.Kind.INVALID_KEY);
    }
    assertThat(answers.lookup("").error().message()).contains("empty");
  }

  @Test
  void promptLongerThanTheModelWindow_isAnsweredByTheExactTierOnly() {
    String longPrompt = "Please summarise the following report. " + "The quarterly numbers went up again. ".repeat(80);
    ok(answers.store(request(longPrompt), "summary"));

    assertThat(ok(answers.lookup(request(longPrompt))).orElseThrow().tier()).isEqualTo(Tier.EXACT);
    assertThat(ok(answers.lookup(request(longPrompt + " Thanks!")))).isEmpty();
    assertThat(answers.statistics().tooLong()).isEqualTo(1);
  }

  @Test
  void hugePrompt_isStoredAndFoundExactly_withoutEmbedding() {
    String huge = "x".repeat(200_000) + " what now?";
    ok(answers.store(request(huge), "answer"));

    assertThat(ok(answers.lookup(request(huge))).orElseThrow().answer()).isEqualTo("answer");
  }

  @Test
  void getOrCompute_callsTheModelOnce_forConcurrentCallsOfOnePrompt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    List<CompletableFuture<Result<SemanticAnswer>>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(CompletableFuture.supplyAsync(() -> answers.getOrCompute(request("What is a monad?"), () -> {
        calls.incrementAndGet();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return "a monoid in the category of endofunctors";
      })));
    }
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() >= 1);
    release.countDown();

    for (var result : results) {
      assertThat(ok(result.get(20, TimeUnit.SECONDS)).answer()).isEqualTo("a monoid in the category of endofunctors");
    }
    assertThat(calls).hasValue(1);
    SemanticAnswer later = ok(answers.getOrCompute(request("what is a monad?"), () -> "never called"));
    assertThat(later.computed()).isFalse();
  }

  @Test
  void getOrCompute_aFailingModelCall_isABackendError_andNothingIsStored() {
    Result<SemanticAnswer> failed = answers.getOrCompute(request("What is a monad?"), () -> {
      throw new IllegalStateException("rate limited");
    });

    assertThat(failed.error().kind()).isEqualTo(CacheError.Kind.BACKEND);
    assertThat(ok(answers.lookup(request("What is a monad?")))).isEmpty();
  }

  @Test
  void ttl_anExpiredAnswerNeverAnswers() {
    ok(answers.store(request("How do I reset my password?").withTtl(Duration.ofSeconds(30)), "link"));

    fixture.clock().advance(Duration.ofSeconds(31));

    assertThat(ok(answers.lookup(request("How do I reset my password?")))).isEmpty();
    assertThat(ok(answers.lookup(request("how can I reset my password")))).isEmpty();
  }

  @Test
  void tags_anInvalidatedTagRemovesTheAnswer() {
    ok(answers.store(request("How do I reset my password?").withTags("docs-v1"), "link"));

    ok(manager(fixture).invalidateTags("docs-v1"));

    assertThat(ok(answers.lookup(request("how can I reset my password")))).isEmpty();
  }

  @Test
  void async_twinsGiveTheSameResults() throws Exception {
    ok(answers.storeAsync(request("How do I reset my password?"), "link").toCompletableFuture().get(10, TimeUnit.SECONDS));

    Optional<SemanticHit> hit = ok(answers.lookupAsync(request("how can I reset my password")).toCompletableFuture()
        .get(10, TimeUnit.SECONDS));

    assertThat(hit).map(SemanticHit::answer).contains("link");
  }

  @Test
  void modelId_namesTheDefaultModelAndItsVersion() {
    assertThat(answers.modelId()).startsWith("all-minilm-l6-v2-q@").endsWith("/384");
  }

  static long sum(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }
}
