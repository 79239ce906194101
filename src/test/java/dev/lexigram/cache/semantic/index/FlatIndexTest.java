package dev.lexigram.cache.semantic.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact cosine search within a partition, its refusals, and searches during writes. */
class FlatIndexTest {

  private static final float ANY = -1f;
  private static final double TOLERANCE = 1e-5;

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static float[] randomVector(Random random, int dimension) {
    float[] vector = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    return vector;
  }

  /** The cosine similarity in double, from the vectors as given: the reference the index must match. */
  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      aa += (double) a[i] * a[i];
      bb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(aa * bb);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 8, 37, 384})
  void nearest_onRandomVectors_matchesBruteForce(int dimension) {
    Random random = new Random(1800 + dimension);
    int count = 2_000;
    FlatIndex index = new FlatIndex(dimension);
    List<float[]> stored = new ArrayList<>();
    for (int id = 0; id < count; id++) {
      float[] vector = randomVector(random, dimension);
      stored.add(vector);
      index.add(id, "p", vector);
    }
    for (int q = 0; q < 200; q++) {
      float[] query = randomVector(random, dimension);
      double best = Double.NEGATIVE_INFINITY;
      double second = Double.NEGATIVE_INFINITY;
      int bestId = -1;
      for (int id = 0; id < count; id++) {
        double similarity = cosine(stored.get(id), query);
        if (similarity > best) {
          second = best;
          best = similarity;
          bestId = id;
        } else if (similarity > second) {
          second = similarity;
        }
      }
      Match match = index.nearest("p", query, ANY).orElseThrow();
      assertThat((double) match.similarity()).as("query %d", q).isCloseTo(best, within(TOLERANCE));
      if (best - second > 2 * TOLERANCE) {
        assertThat(match.id()).as("query %d", q).isEqualTo(bestId);
      }
    }
  }

  @Test
  void nearest_ofAStoredVector_findsItself_withSimilarityOne() {
    Random random = new Random(1);
    FlatIndex index = new FlatIndex(384);
    List<float[]> stored = new ArrayList<>();
    for (int id = 0; id < 100; id++) {
      stored.add(randomVector(random, 384));
      index.add(id, "p", stored.get(id));
    }
    for (int id = 0; id < 100; id++) {
      Match match = index.nearest("p", stored.get(id), 0.9999f).orElseThrow();
      assertThat(match.id()).isEqualTo(id);
      assertThat(match.similarity()).isCloseTo(1f, within(1e-6f)).isLessThanOrEqualTo(1f);
    }
  }

  @Test
  void nearest_comparesDirectionOnly_notLength() {
    FlatIndex index = new FlatIndex(2);
    index.add(1, "p", new float[] {1000f, 0f});
    index.add(2, "p", new float[] {0.001f, 0.001f});
    Match match = index.nearest("p", new float[] {1f, 1.1f}, ANY).orElseThrow();
    assertThat(match.id()).isEqualTo(2);
    assertThat(index.nearest("p", new float[] {3e-38f, 0f}, ANY).orElseThrow().id()).isEqualTo(1);
  }

  @Test
  void nearest_neverAnswersFromAnotherPartition() {
    Random random = new Random(2);
    FlatIndex index = new FlatIndex(16);
    float[] query = randomVector(random, 16);
    index.add(1, "tenant-a", query);
    for (int id = 2; id < 50; id++) {
      index.add(id, "tenant-b", randomVector(random, 16));
    }
    Match match = index.nearest("tenant-b", query, ANY).orElseThrow();
    assertThat(match.id()).isNotEqualTo(1);
    assertThat(match.similarity()).isLessThan(0.99f);
    assertThat(index.nearest("tenant-a", query, ANY)).contains(new Match(1, 1f));
    assertThat(index.nearest("tenant-c", query, ANY)).isEmpty();
    assertThat(index.nearest("", query, ANY)).isEmpty();
  }

  @Test
  void add_existingId_replacesItsVectorAndPartition() {
    FlatIndex index = new FlatIndex(2);
    index.add(7, "a", new float[] {1f, 0f});
    index.add(7, "b", new float[] {0f, 1f});
    assertThat(index.size()).isEqualTo(1);
    assertThat(index.nearest("a", new float[] {1f, 0f}, ANY)).isEmpty();
    assertThat(index.nearest("b", new float[] {0f, 1f}, ANY)).contains(new Match(7, 1f));
    assertThat(index.partitionCount()).isEqualTo(1);
  }

  @Test
  void add_copiesTheVector() {
    FlatIndex index = new FlatIndex(2);
    float[] vector = {1f, 0f};
    index.add(1, "p", vector);
    vector[0] = 0f;
    vector[1] = 1f;
    assertThat(index.nearest("p", new float[] {1f, 0f}, ANY)).contains(new Match(1, 1f));
  }

  @Test
  void remove_movesTheLastRow_andEveryOtherVectorIsStillFound() {
    Random random = new Random(3);
    FlatIndex index = new FlatIndex(24, 0);
    List<float[]> stored = new ArrayList<>();
    for (int id = 0; id < 40; id++) {
      stored.add(randomVector(random, 24));
      index.add(id, id % 2 == 0 ? "even" : "odd", stored.get(id));
    }
    // the first row, a middle one and the last one
    assertThat(index.remove(0)).isTrue();
    assertThat(index.remove(17)).isTrue();
    assertThat(index.remove(39)).isTrue();
    assertThat(index.remove(17)).isFalse();
    assertThat(index.remove(1234)).isFalse();
    assertThat(index.size()).isEqualTo(37);
    for (int id = 0; id < 40; id++) {
      String partition = id % 2 == 0 ? "even" : "odd";
      Optional<Match> match = index.nearest(partition, stored.get(id), 0.9999f);
      boolean removed = id == 0 || id == 17 || id == 39;
      assertThat(index.contains(id)).isEqualTo(!removed);
      if (removed) {
        assertThat(match).as("id %d", id).isEmpty();
      } else {
        assertThat(match.orElseThrow().id()).as("id %d", id).isEqualTo(id);
      }
    }
  }

  @Test
  void remove_thenAddAgain_findsTheVectorAgain() {
    FlatIndex index = new FlatIndex(2);
    index.add(1, "p", new float[] {1f, 0f});
    index.add(2, "p", new float[] {1f, 0.5f});
    float[] query = {1f, 0.01f};
    assertThat(index.nearest("p", query, ANY).orElseThrow().id()).isEqualTo(1);
    index.remove(1);
    assertThat(index.nearest("p", query, ANY).orElseThrow().id()).isEqualTo(2);
    index.add(1, "p", new float[] {1f, 0f});
    assertThat(index.nearest("p", query, ANY).orElseThrow().id()).isEqualTo(1);
  }

  @Test
  void remove_lastVectorOfAPartition_dropsThePartition() {
    FlatIndex index = new FlatIndex(2);
    for (int id = 0; id < 1_000; id++) {
      index.add(id, "conversation-" + id, new float[] {1f, id});
    }
    assertThat(index.partitionCount()).isEqualTo(1_000);
    for (int id = 0; id < 1_000; id++) {
      index.remove(id);
    }
    assertThat(index.partitionCount()).isZero();
    assertThat(index.size()).isZero();
    index.add(5, "conversation-5", new float[] {0f, 1f});
    assertThat(index.nearest("conversation-5", new float[] {0f, 1f}, ANY)).contains(new Match(5, 1f));
    assertThat(index.nearest("conversation-6", new float[] {0f, 1f}, ANY)).isEmpty();
  }

  @Test
  void nearest_acceptsASimilarityEqualToTheThreshold_andNothingBelow() {
    FlatIndex index = new FlatIndex(2);
    index.add(1, "p", new float[] {3f, 4f});
    float[] query = {1f, 0f};
    float similarity = index.nearest("p", query, ANY).orElseThrow().similarity();
    assertThat(similarity).isCloseTo(0.6f, within(1e-6f));
    assertThat(index.nearest("p", query, similarity)).contains(new Match(1, similarity));
    assertThat(index.nearest("p", query, Math.nextUp(similarity))).isEmpty();
    assertThat(index.nearest("p", new float[] {-3f, -4f}, ANY)).contains(new Match(1, -1f));
  }

  @Test
  void nearest_equallySimilarVectors_theLowestIdWins_whateverTheOrder() {
    FlatIndex index = new FlatIndex(2);
    index.add(9, "p", new float[] {1f, 0f});
    index.add(4, "p", new float[] {2f, 0f});
    index.add(6, "p", new float[] {1f, 0f});
    assertThat(index.nearest("p", new float[] {1f, 0f}, ANY).orElseThrow().id()).isEqualTo(4);
  }

  @Test
  void nearest_onEmptyIndex_isEmpty() {
    assertThat(new FlatIndex(3).nearest("p", new float[] {1f, 2f, 3f}, ANY)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(floats = {-1.0001f, 1.0001f, Float.NaN, Float.NEGATIVE_INFINITY})
  void nearest_thresholdOutsideMinusOneToOne_isRefused(float threshold) {
    FlatIndex index = new FlatIndex(2);
    assertThatThrownBy(() -> index.nearest("p", new float[] {1f, 0f}, threshold))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minSimilarity must be in [-1, 1]");
  }

  @Test
  void zeroVector_isRefused() {
    FlatIndex index = new FlatIndex(3);
    assertThatThrownBy(() -> index.add(1, "p", new float[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("The vector is the zero vector");
    assertThatThrownBy(() -> index.nearest("p", new float[] {0f, -0f, 0f}, ANY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("The query is the zero vector");
    assertThat(index.size()).isZero();
  }

  @Test
  void dimensionMismatch_isRefused_namingBoth() {
    FlatIndex index = new FlatIndex(384);
    assertThatThrownBy(() -> index.add(1, "p", new float[768]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("The vector has dimension 768, the index holds vectors of dimension 384");
    assertThatThrownBy(() -> index.nearest("p", new float[3], ANY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("The query has dimension 3");
    assertThat(index.size()).isZero();
  }

  @Test
  void nonFiniteComponent_isRefused() {
    FlatIndex index = new FlatIndex(2);
    assertThatThrownBy(() -> index.add(1, "p", new float[] {1f, Float.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN at index 1");
    assertThatThrownBy(() -> index.nearest("p", new float[] {Float.POSITIVE_INFINITY, 0f}, ANY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Infinity at index 0");
  }

  @Test
  void construction_withBadDimensionOrCapacity_isRefused() {
    assertThatThrownBy(() -> new FlatIndex(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension must be positive, not 0");
    assertThatThrownBy(() -> new FlatIndex(384, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 5592405");
    assertThatThrownBy(() -> new FlatIndex(384, 5_592_406))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Readers search two partitions while a writer adds, replaces and removes vectors in one of them,
   * growing the arrays several times. The stable partition must always give the answer computed
   * before the writer started; an answer from the churning partition must be one of its vectors,
   * with that vector's similarity.
   */
  @Test
  void nearest_duringWrites_alwaysAnswersFromAConsistentIndex() throws Exception {
    int dimension = 32;
    Random random = new Random(4);
    FlatIndex index = new FlatIndex(dimension, 1);
    List<float[]> stable = new ArrayList<>();
    for (int id = 0; id < 200; id++) {
      stable.add(randomVector(random, dimension));
      index.add(id, "stable", stable.get(id));
    }
    int churnIds = 300;
    float[][] churn = new float[churnIds][];
    for (int i = 0; i < churnIds; i++) {
      churn[i] = randomVector(random, dimension);
    }
    List<float[]> queries = new ArrayList<>();
    List<Match> expected = new ArrayList<>();
    for (int q = 0; q < 20; q++) {
      queries.add(randomVector(random, dimension));
      expected.add(index.nearest("stable", queries.get(q), ANY).orElseThrow());
    }

    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writerDone = new AtomicBoolean();
    Future<?> writer = pool.submit(() -> {
      start.await();
      Random writes = new Random(5);
      for (int op = 0; op < 20_000; op++) {
        int i = writes.nextInt(churnIds);
        if (writes.nextInt(3) == 0) {
          index.remove(1_000 + i);
        } else {
          index.add(1_000 + i, "churn", churn[i]);
        }
      }
      writerDone.set(true);
      return null;
    });
    List<Future<Integer>> readers = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      readers.add(pool.submit(() -> {
        start.await();
        int searches = 0;
        do {
          for (int q = 0; q < queries.size(); q++) {
            assertThat(index.nearest("stable", queries.get(q), ANY)).contains(expected.get(q));
            Optional<Match> churned = index.nearest("churn", queries.get(q), ANY);
            if (churned.isPresent()) {
              Match match = churned.get();
              assertThat(match.id()).isBetween(1_000L, 1_000L + churnIds - 1);
              double similarity = cosine(churn[(int) match.id() - 1_000], queries.get(q));
              assertThat((double) match.similarity()).isCloseTo(similarity, within(TOLERANCE));
            }
            searches++;
          }
        } while (!writerDone.get());
        return searches;
      }));
    }
    start.countDown();
    writer.get(60, TimeUnit.SECONDS);
    for (Future<Integer> reader : readers) {
      assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
    }
    for (int q = 0; q < queries.size(); q++) {
      assertThat(index.nearest("stable", queries.get(q), ANY)).contains(expected.get(q));
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3, 8})
  void nearestK_onRandomVectors_matchesASortOfEveryRow(int k) {
    var random = new java.util.Random(11 + k);
    var index = new FlatIndex(24);
    java.util.Map<Long, float[]> stored = new java.util.HashMap<>();
    for (long id = 1; id <= 300; id++) {
      float[] v = new float[24];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) random.nextGaussian();
      }
      stored.put(id, v);
      index.add(id, id % 3 == 0 ? "other" : "p", v);
    }
    float[] query = new float[24];
    for (int i = 0; i < query.length; i++) {
      query[i] = (float) random.nextGaussian();
    }

    java.util.List<Match> matches = index.nearest("p", query, -1f, k);

    java.util.List<Long> expected = stored.entrySet().stream().filter(e -> e.getKey() % 3 != 0)
        .sorted((x, y) -> Double.compare(cosine(y.getValue(), query), cosine(x.getValue(), query)))
        .limit(k).map(java.util.Map.Entry::getKey).toList();
    org.assertj.core.api.Assertions.assertThat(matches).extracting(Match::id).containsExactlyElementsOf(expected);
    org.assertj.core.api.Assertions.assertThat(matches.get(0)).isEqualTo(index.nearest("p", query, -1f).orElseThrow());
    org.assertj.core.api.Assertions.assertThat(index.nearest("p", query, 2f / 3, k)).allMatch(m -> m.similarity() >= 2f / 3);
    org.assertj.core.api.Assertions.assertThat(index.nearest("none", query, -1f, k)).isEmpty();
  }
}
