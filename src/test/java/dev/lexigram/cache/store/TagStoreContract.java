package dev.lexigram.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TagStore}, written once: every backend's tag test extends this class and
 * supplies its tag stores. Each test uses a key prefix of its own, so tests never meet each
 * other's tags on a shared server.
 *
 * <p>Where the SPI leaves a choice, this is what every backend does, and what the tests assert:
 * invalidating a tag that never had a version gives it one (the new version is written whether or
 * not there was an old one).
 */
public abstract class TagStoreContract {

  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static final int THREADS = 8;
  private static final int MANY = 200;

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  /** The key prefix of this test. */
  protected String prefix;
  /** The tag store of this test, under {@link #prefix}. */
  protected TagStore tags;

  /** Returns the tag versions of the backend under test, named under the given key prefix. */
  protected abstract TagStore tags(String keyPrefix);

  /**
   * Returns the tag versions under the given key prefix as another process sees them: through a
   * backend of its own on the same servers.
   */
  protected abstract TagStore tagsOfAnotherProcess(String keyPrefix);

  @BeforeEach
  void openTags() {
    prefix = "tags" + PREFIXES.incrementAndGet() + "-" + System.nanoTime();
    tags = tags(prefix);
  }

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
  }

  @Test
  void versions_unknownTag_isMissing() {
    assertThat(tags.versions(List.of("never-used"))).isEmpty();
  }

  @Test
  void noTags_answerNothing() {
    tags.invalidate(List.of());
    assertThat(tags.versions(List.of())).isEmpty();
    assertThat(tags.versionsCreating(List.of())).isEmpty();
  }

  @Test
  void versionsCreating_newTag_createsANonZeroVersion_secondCallReturnsTheSame() {
    long created = tags.versionsCreating(List.of("product")).get("product");

    assertThat(created).isNotZero();
    assertThat(tags.versionsCreating(List.of("product"))).containsExactlyEntriesOf(Map.of("product", created));
  }

  @Test
  void versions_afterCreating_returnsTheCreatedVersion_andNothingForTagsWithout() {
    Map<String, Long> created = tags.versionsCreating(List.of("a", "b"));

    assertThat(tags.versions(List.of("a", "b", "c"))).isEqualTo(created).containsOnlyKeys("a", "b");
  }

  @Test
  void versionsCreating_tagNamedTwice_answersItOnce() {
    Map<String, Long> created = tags.versionsCreating(List.of("twice", "twice"));

    assertThat(created).containsOnlyKeys("twice");
    assertThat(tags.versions(List.of("twice", "twice"))).isEqualTo(created);
  }

  @Test
  void versionsCreating_someTagsExist_keepsThoseAndCreatesTheRest() {
    long old = tags.versionsCreating(List.of("old")).get("old");

    Map<String, Long> both = tags.versionsCreating(List.of("old", "new"));

    assertThat(both.get("old")).isEqualTo(old);
    assertThat(both.get("new")).isNotZero();
    assertThat(tags.versions(List.of("old", "new"))).isEqualTo(both);
  }

  @Test
  void invalidate_changesTheTagsNamed_othersKeepTheirs() {
    Map<String, Long> before = tags.versionsCreating(List.of("a", "b", "c"));

    tags.invalidate(List.of("a", "b"));

    Map<String, Long> after = tags.versions(List.of("a", "b", "c"));
    assertThat(after).containsOnlyKeys("a", "b", "c");
    assertThat(after.get("a")).isNotZero().isNotEqualTo(before.get("a"));
    assertThat(after.get("b")).isNotZero().isNotEqualTo(before.get("b"));
    assertThat(after.get("c")).isEqualTo(before.get("c"));
    assertThat(tags.versionsCreating(List.of("a", "b", "c"))).as("nothing created again").isEqualTo(after);
  }

  @Test
  void invalidate_twice_changesTheVersionEachTime() {
    long first = tags.versionsCreating(List.of("t")).get("t");
    tags.invalidate(List.of("t"));
    long second = tags.versions(List.of("t")).get("t");
    tags.invalidate(List.of("t"));
    long third = tags.versions(List.of("t")).get("t");

    assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
  }

  @Test
  void invalidate_tagThatNeverHadAVersion_givesItOne() {
    tags.invalidate(List.of("fresh"));

    Map<String, Long> after = tags.versions(List.of("fresh"));
    assertThat(after).containsOnlyKeys("fresh");
    assertThat(after.get("fresh")).isNotZero();
    assertThat(tags.versionsCreating(List.of("fresh"))).isEqualTo(after);
  }

  @Test
  void versionsCreating_8ThreadsInTwoProcessesOnOneNewTag_allGetTheSameVersion() throws Exception {
    TagStore elsewhere = tagsOfAnotherProcess(prefix);
    for (int round = 0; round < 10; round++) {
      String tag = "raced-" + round;
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Long>> answers = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        TagStore store = thread % 2 == 0 ? tags : elsewhere;
        answers.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return store.versionsCreating(List.of(tag)).get(tag);
        }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<Long> versions = new ArrayList<>();
      for (Future<Long> answer : answers) {
        versions.add(answer.get(10, TimeUnit.SECONDS));
      }
      assertThat(new HashSet<>(versions)).as("round %d", round).hasSize(1).doesNotContainNull();
      assertThat(tags.versions(List.of(tag)).get(tag)).isEqualTo(versions.get(0));
    }
  }

  @Test
  void manyTagsInOneCall_createReadAndInvalidateEachOne() {
    List<String> many = IntStream.range(0, MANY).mapToObj(i -> "tag-" + i).toList();
    List<String> even = IntStream.range(0, MANY).filter(i -> i % 2 == 0).mapToObj(i -> "tag-" + i).toList();

    Map<String, Long> created = tags.versionsCreating(many);
    assertThat(created).hasSize(MANY).doesNotContainValue(0L);
    assertThat(new HashSet<>(created.values())).as("random versions").hasSize(MANY);
    assertThat(tags.versions(many)).isEqualTo(created);

    tags.invalidate(even);

    Map<String, Long> after = tags.versions(many);
    assertThat(after).hasSize(MANY);
    for (int i = 0; i < MANY; i++) {
      String tag = "tag-" + i;
      if (i % 2 == 0) {
        assertThat(after.get(tag)).as(tag).isNotEqualTo(created.get(tag));
      } else {
        assertThat(after.get(tag)).as(tag).isEqualTo(created.get(tag));
      }
    }
  }

  @Test
  void unusualTags_unicodeSpacesControlCharactersAndLongOnes_workLikeAnyOther() {
    String longTag = "x".repeat(300);
    String otherLongTag = "x".repeat(299) + "y";
    List<String> unusual = List.of("категория: обувь", "prodüct 42 ☃", "tab\there", "line\nbreak", longTag,
        otherLongTag, "a:b::c {braces}");

    Map<String, Long> created = tags.versionsCreating(unusual);
    assertThat(created).containsOnlyKeys(unusual).doesNotContainValue(0L);
    assertThat(tags.versions(unusual)).isEqualTo(created);

    tags.invalidate(List.of(longTag, "prodüct 42 ☃"));

    Map<String, Long> after = tags.versions(unusual);
    assertThat(after.get(longTag)).isNotEqualTo(created.get(longTag));
    assertThat(after.get("prodüct 42 ☃")).isNotEqualTo(created.get("prodüct 42 ☃"));
    assertThat(after.get(otherLongTag)).as("a long tag that differs only at its end").isEqualTo(created.get(otherLongTag));
    assertThat(after.get("категория: обувь")).isEqualTo(created.get("категория: обувь"));
  }

  @Test
  void anotherProcess_seesTheVersionsCreatedAndTheInvalidations() {
    TagStore elsewhere = tagsOfAnotherProcess(prefix);
    Map<String, Long> created = tags.versionsCreating(List.of("shared", "kept"));

    assertThat(elsewhere.versions(List.of("shared", "kept"))).isEqualTo(created);
    assertThat(elsewhere.versionsCreating(List.of("shared", "kept"))).isEqualTo(created);

    elsewhere.invalidate(List.of("shared"));

    Map<String, Long> seenHere = tags.versions(List.of("shared", "kept"));
    assertThat(seenHere.get("shared")).isNotEqualTo(created.get("shared"));
    assertThat(seenHere.get("kept")).isEqualTo(created.get("kept"));
    assertThat(seenHere).isEqualTo(elsewhere.versions(List.of("shared", "kept")));
  }

  @Test
  void otherKeyPrefix_isIndependent() {
    TagStore other = tags(prefix + "-other");
    Map<String, Long> created = tags.versionsCreating(List.of("t"));

    assertThat(other.versions(List.of("t"))).isEmpty();
    long otherVersion = other.versionsCreating(List.of("t")).get("t");
    assertThat(otherVersion).isNotEqualTo(created.get("t"));

    other.invalidate(List.of("t"));
    assertThat(tags.versions(List.of("t"))).isEqualTo(created);

    Map<String, Long> otherNow = other.versions(List.of("t"));
    tags.invalidate(List.of("t"));
    assertThat(other.versions(List.of("t"))).isEqualTo(otherNow);
  }
}
