package dev.lexigram.cache.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.MarkedEntry;
import dev.lexigram.cache.store.TagStore;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The staleness window and the ordering of version reads, on a tag store this test controls. */
class TagVersionsTest {

  /** A tag store standing for a remote one: counts its reads; a read can be held after it has read. */
  private static final class CountingStore implements TagStore {
    final Map<String, Long> versions = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();
    volatile CountDownLatch readTaken = new CountDownLatch(0);
    volatile CountDownLatch holdRead = new CountDownLatch(0);

    @Override
    public Map<String, Long> versions(Collection<String> tags) {
      reads.incrementAndGet();
      Map<String, Long> found = new HashMap<>();
      tags.forEach(tag -> {
        Long version = versions.get(tag);
        if (version != null) {
          found.put(tag, version);
        }
      });
      readTaken.countDown();
      try {
        holdRead.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return found;
    }

    @Override
    public Map<String, Long> versionsCreating(Collection<String> tags) {
      tags.forEach(tag -> versions.computeIfAbsent(tag, t -> TagStore.newVersion()));
      return versions(tags);
    }

    @Override
    public void invalidate(Collection<String> tags) {
      tags.forEach(tag -> versions.put(tag, TagStore.newVersion()));
    }
  }

  private final CountingStore store = new CountingStore();

  @Test
  void withinTheWindow_versionsAreReadOnce_andAnotherProcessesInvalidationIsSeenAfterIt() {
    TagVersions versions = new TagVersions(store, Duration.ofHours(1));
    EntryMeta meta = versions.capture(new String[] {"a", "b"});
    int afterCapture = store.reads.get();
    for (int i = 0; i < 1_000; i++) {
      assertThat(versions.isCurrent(meta)).isTrue();
    }
    assertThat(store.reads.get()).as("no read within the window").isEqualTo(afterCapture);

    store.invalidate(java.util.List.of("a")); // another process
    assertThat(versions.isCurrent(meta)).as("unseen within the window, by design").isTrue();
    TagVersions noWindow = new TagVersions(store, Duration.ZERO);
    assertThat(noWindow.isCurrent(meta)).as("a process that reads on every check").isFalse();
  }

  @Test
  void invalidateHere_isSeenHereAtOnce_whateverTheWindow() {
    TagVersions versions = new TagVersions(store, Duration.ofHours(1));
    EntryMeta meta = versions.capture(new String[] {"a"});
    versions.invalidate(new String[] {"a"});
    assertThat(versions.isCurrent(meta)).isFalse();
    assertThat(versions.isCurrent(versions.capture(new String[] {"a"}))).as("written after").isTrue();
  }

  @Test
  void unboundedWindow_aRememberedAnswerEndsWithTheNextInvalidation_ofAnyTag() {
    TagVersions versions = new TagVersions(store, null);
    EntryMeta ab = versions.capture(new String[] {"a", "b"});
    EntryMeta c = versions.capture(new String[] {"c"});
    assertThat(versions.isCurrent(ab)).isTrue();
    assertThat(versions.isCurrent(ab)).as("remembered").isTrue();
    assertThat(versions.isCurrent(c)).isTrue();

    versions.invalidate(new String[] {"b"});

    assertThat(versions.isCurrent(ab)).isFalse();
    assertThat(versions.isCurrent(ab)).as("and stays so").isFalse();
    assertThat(versions.isCurrent(c)).as("another tag").isTrue();
    EntryMeta again = versions.capture(new String[] {"a", "b"});
    assertThat(versions.isCurrent(again)).as("written after").isTrue();
    versions.invalidate(new String[] {"a"});
    assertThat(versions.isCurrent(again)).isFalse();
  }

  @Test
  void marks_currentUntilAnyInvalidation_andNeverGivenForAWindowOrAStaleEntry() {
    TagVersions versions = new TagVersions(store, null);
    EntryMeta ab = versions.capture(new String[] {"a", "b"});
    long mark = versions.currentMark(ab);
    assertThat(mark).isNotEqualTo(MarkedEntry.UNMARKED);
    assertThat(versions.isCurrentNow(mark)).isTrue();
    assertThat(versions.isCurrentNow(MarkedEntry.UNMARKED)).isFalse();

    versions.invalidate(new String[] {"c"}); // another tag: the mark ends, the entry stays current
    assertThat(versions.isCurrentNow(mark)).isFalse();
    long again = versions.currentMark(ab);
    assertThat(again).isNotEqualTo(MarkedEntry.UNMARKED);
    assertThat(versions.isCurrentNow(again)).isTrue();

    versions.invalidate(new String[] {"a"});
    assertThat(versions.isCurrentNow(again)).isFalse();
    assertThat(versions.currentMark(ab)).as("stale: no mark").isEqualTo(MarkedEntry.UNMARKED);
    assertThat(versions.currentMark(EntryMeta.computedIn(5))).as("no tags: current").isNotEqualTo(MarkedEntry.UNMARKED);

    TagVersions windowed = new TagVersions(store, Duration.ofHours(1));
    EntryMeta meta = windowed.capture(new String[] {"a"});
    assertThat(windowed.isCurrent(meta)).isTrue();
    assertThat(windowed.currentMark(meta)).as("a window ends by time, not by epoch").isEqualTo(MarkedEntry.UNMARKED);
  }

  @Test
  void aTagWithoutAVersion_isNeverCurrent() {
    TagVersions versions = new TagVersions(store, Duration.ZERO);
    EntryMeta meta = versions.capture(new String[] {"evicted"});
    store.versions.remove("evicted");
    assertThat(versions.isCurrent(meta)).isFalse();
  }

  @Test
  void aSlowReadFromBeforeAnInvalidation_doesNotBringTheOldVersionBack() throws Exception {
    TagVersions versions = new TagVersions(store, null); // unbounded: a stale version kept here would stay forever
    store.versions.put("a", 1L);
    EntryMeta old = EntryMeta.tagged(new String[] {"a"}, new long[] {1L});
    CountDownLatch hold = new CountDownLatch(1);
    store.readTaken = new CountDownLatch(1);
    store.holdRead = hold;
    CompletableFuture<Boolean> slow = CompletableFuture.supplyAsync(() -> versions.isCurrent(old));
    assertThat(store.readTaken.await(10, TimeUnit.SECONDS)).as("the slow read has read version 1").isTrue();

    store.holdRead = new CountDownLatch(0); // the invalidation's own read does not wait
    versions.invalidate(new String[] {"a"});
    hold.countDown(); // the slow read now reports version 1, read before the invalidation

    slow.get(10, TimeUnit.SECONDS);
    assertThat(versions.isCurrent(old)).as("the old version did not replace the newer one").isFalse();
  }
}
