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
 * groups of {@value #BATCH} for {@code getAll}.
 */
final class RemoteWorkload {

  static final int KEY_COUNT = 10_000;
  static final int VALUE_SIZE = 100;
  static final int BATCH = 10;
  static final int GROUP_COUNT = KEY_COUNT / BATCH;
  static final int VERIFIED_GROUP_STRIDE = 10;
  private static final long SEED = 0x5EED_CAFEL;

  /** The keys in a shuffled order; {@code values[i]} is the value of {@code keys[i]}. */
  final String[] keys = new String[KEY_COUNT];
  final byte[][] values = new byte[KEY_COUNT][];
  /** Group {@code g} holds {@code keys[g * BATCH] .. keys[g * BATCH + BATCH - 1]}. */
  final KeyGroup[] groups = new KeyGroup[GROUP_COUNT];

  RemoteWorkload() {
    Random random = new Random(SEED);
    for (int i = 0; i < KEY_COUNT; i++) {
      keys[i] = "product:" + i;
      values[i] = new byte[VALUE_SIZE];
      random.nextBytes(values[i]);
    }
    // Fisher-Yates over keys and values together, so a key keeps its value
    for (int i = KEY_COUNT - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String key = keys[i];
      keys[i] = keys[j];
      keys[j] = key;
      byte[] value = values[i];
      values[i] = values[j];
      values[j] = value;
    }
    for (int g = 0; g < GROUP_COUNT; g++) {
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
    for (int i = 0; i < KEY_COUNT; i++) {
      candidate.put(keys[i], values[i]);
    }
    for (int i = 0; i < KEY_COUNT; i++) {
      check(name, "get", keys[i], values[i], candidate.get(keys[i]));
    }
    for (int g = 0; g < GROUP_COUNT; g += VERIFIED_GROUP_STRIDE) {
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
