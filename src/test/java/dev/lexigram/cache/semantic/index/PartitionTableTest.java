package dev.lexigram.cache.semantic.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Partition names interned to numbers, counted per row, dropped and reused when empty. */
class PartitionTableTest {

  private final PartitionTable table = new PartitionTable();

  @Test
  void acquire_sameName_givesTheSameNumber_andOthersADifferentOne() {
    int a = table.acquire("model-a");
    assertThat(table.acquire("model-a")).isEqualTo(a);
    assertThat(table.acquire("model-b")).isNotEqualTo(a);
    assertThat(table.find("model-a")).isEqualTo(a);
    assertThat(table.find("model-c")).isEqualTo(-1);
    assertThat(table.size()).isEqualTo(2);
  }

  @Test
  void release_keepsThePartition_untilItsLastRowLeaves() {
    int a = table.acquire("a");
    table.acquire("a");
    table.release(a);
    assertThat(table.find("a")).isEqualTo(a);
    table.release(a);
    assertThat(table.find("a")).isEqualTo(-1);
    assertThat(table.size()).isZero();
  }

  @Test
  void numbersOfDroppedPartitions_areReused() {
    int[] numbers = new int[100];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = table.acquire("p" + i);
    }
    for (int round = 0; round < 1_000; round++) {
      table.release(numbers[round % 100]);
      numbers[round % 100] = table.acquire("q" + round);
      assertThat(numbers[round % 100]).isBetween(0, 99);
    }
    assertThat(table.size()).isEqualTo(100);
  }
}
