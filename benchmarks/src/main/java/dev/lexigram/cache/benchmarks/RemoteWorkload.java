package dev.lexigram.cache.benchmarks;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The data of the remote benchmarks ({@link RedisBenchmark}, {@link MemcachedBenchmark}):
 * {@value #KEY_COUNT} String keys {@code product:N} with distinct {@value #VALUE_SIZE}-byte
 * values, shuffled with a fixed seed, and the shuffled keys cut into {@value #GROUP_COUNT}
 * groups of {@value #BATCH} for {@code getAll}. {@link NearCacheBenchmark} takes fewer keys (its
 * hot set) of the same size and seed: {@code product:0} to {@code product:N-1}.
 */
final class RemoteWorkload {

  static final int KEY_COUNT = 10_000;
  static final int VALUE_SIZE = 100;
  static final int BATCH = 10;
  static final int GROUP_COUNT = KEY_COUNT / BATCH;
  static final int VERIFIED_GROUP_STRIDE = 10;
  private static final long SEED = 0x5EED_CAFEL;

  /** The keys in a shuffled order; {@code values[i]} is the value of {@code keys[i]}. */
  final String[] keys;
  final byte[][] values;
  /** Group {@code g} holds {@code keys[g * BATCH] .. keys[g * BATCH + BATCH - 1]}. */
  final KeyGroup[] groups;

  /** The remote benchmarks' {@value #KEY_COUNT} keys. */
  RemoteWorkload() {
    this(KEY_COUNT);
  }

  /** {@code keyCount} keys, a multiple of {@value #BATCH}. */
  RemoteWorkload(int keyCount) {
    if (keyCount < BATCH || keyCount % BATCH != 0) {
      throw new IllegalArgumentException("the key count must be a multiple of " + BATCH + ", not " + keyCount);
    }
    keys = new String[keyCount];
    values = new byte[keyCount][];
    groups = new KeyGroup[keyCount / BATCH];
    Random random = new Random(SEED);
    for (int i = 0; i < keyCount; i++) {
      keys[i] = "product:" + i;
      values[i] = new byte[VALUE_SIZE];
      random.nextBytes(values[i]);
    }
    // Fisher-Yates over keys and values together, so a key keeps its value
    for (int i = keyCount - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String key = keys[i];
      keys[i] = keys[j];
      keys[j] = key;
      byte[] value = values[i];
      values[i] = values[j];
      values[j] = value;
    }
    for (int g = 0; g < groups.length; g++) {
      String[] array = Arrays.copyOfRange(keys, g * BATCH, g * BATCH + BATCH);
      groups[g] = new KeyGroup(array, Collections.unmodifiableSet(new LinkedHashSet<>(List.of(array))));
    }
  }

  /**
   * Puts every key through the candidate, then checks that every key reads back through get and
   * every {@value #VERIFIED_GROUP_STRIDE}th group through getAll (all of them would cost a slow
   * getAll's trial many seconds and prove little more).
   */
  void preloadAndVerify(String name, RemoteCandidate candidate) {
    for (int i = 0; i < keys.length; i++) {
      candidate.put(keys[i], values[i]);
    }
    for (int i = 0; i < keys.length; i++) {
      check(name, "get", keys[i], values[i], candidate.get(keys[i]));
    }
    for (int g = 0; g < groups.length; g += VERIFIED_GROUP_STRIDE) {
      Map<String, byte[]> found = candidate.getAll(groups[g]);
      if (found.size() != BATCH) {
        throw new IllegalStateException(name + ": getAll of " + groups[g].set() + " found " + found.size()
            + " of " + BATCH + " keys after the preload");
      }
      for (int k = 0; k < BATCH; k++) {
        int i = g * BATCH + k;
        check(name, "getAll", keys[i], values[i], found.get(keys[i]));
      }
    }
  }

  /** A wrong setup (a miss, a mangled value) would make the numbers meaningless: fail the trial. */
  private static void check(String name, String operation, String key, byte[] expected, byte[] stored) {
    if (!Arrays.equals(stored, expected)) {
      throw new IllegalStateException(name + ": " + operation + " of key '" + key + "' reads back "
          + (stored == null ? "nothing" : "a different value of " + stored.length + " bytes") + " after the preload");
    }
  }
}
