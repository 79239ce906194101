package dev.lexigram.cache.semantic.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Interns partition names to small ints, so that the index compares an int per row instead of a
 * string. Each number counts the rows holding it; when the last row leaves, the name is dropped
 * and its number reused, so partitions that come and go (one per conversation, say) take no
 * memory once empty and never run out of numbers.
 *
 * <p>Not thread-safe: {@link FlatIndex} calls {@link #find} under its read lock and the other
 * methods under its write lock.
 */
final class PartitionTable {

  private final Map<String, Integer> numbers = new HashMap<>();
  private String[] names = new String[4];
  private int[] rowCounts = new int[4];
  private int[] freeNumbers = new int[4];
  private int freeCount;
  private int nextNumber;

  /** Returns the number of the partition, or -1 if no row holds it. */
  int find(String name) {
    Integer number = numbers.get(name);
    return number == null ? -1 : number;
  }

  /** Returns the number of the partition, interning it if new, and counts one more row in it. */
  int acquire(String name) {
    Integer known = numbers.get(name);
    int number = known != null ? known : intern(name);
    rowCounts[number]++;
    return number;
  }

  /** Counts one row fewer in the partition numbered {@code number}; drops it when none is left. */
  void release(int number) {
    if (--rowCounts[number] > 0) {
      return;
    }
    numbers.remove(names[number]);
    names[number] = null;
    if (freeCount == freeNumbers.length) {
      freeNumbers = Arrays.copyOf(freeNumbers, freeCount * 2);
    }
    freeNumbers[freeCount++] = number;
  }

  /** Returns how many partitions hold at least one row. */
  int size() {
    return numbers.size();
  }

  private int intern(String name) {
    int number;
    if (freeCount > 0) {
      number = freeNumbers[--freeCount];
    } else {
      number = nextNumber++;
      if (number == names.length) {
        names = Arrays.copyOf(names, number * 2);
        rowCounts = Arrays.copyOf(rowCounts, number * 2);
      }
    }
    names[number] = name;
    numbers.put(name, number);
    return number;
  }
}
