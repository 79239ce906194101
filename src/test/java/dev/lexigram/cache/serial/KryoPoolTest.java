package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryo.Kryo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KryoPoolTest {

  private final AtomicInteger created = new AtomicInteger();
  private final KryoPool pool = new KryoPool(() -> {
    created.incrementAndGet();
    return new Kryo();
  });

  @Test
  void obtain_empty_createsOne() {
    assertThat(pool.obtain()).isNotNull();
    assertThat(created).hasValue(1);
  }

  @Test
  void obtain_afterFree_returnsTheFreedInstance() {
    Kryo kryo = pool.obtain();
    pool.free(kryo);

    assertThat(pool.obtain()).isSameAs(kryo);
    assertThat(created).hasValue(1);
  }

  @Test
  void free_beyondTheSlots_dropsTheSurplus_andEveryKeptOneIsHandedOutOnce() {
    List<Kryo> borrowed = new ArrayList<>();
    for (int i = 0; i < KryoPool.SLOTS + 5; i++) {
      borrowed.add(pool.obtain());
    }
    borrowed.forEach(pool::free);

    List<Kryo> again = new ArrayList<>();
    for (int i = 0; i < KryoPool.SLOTS + 5; i++) {
      again.add(pool.obtain());
    }

    assertThat(again).doesNotHaveDuplicates();
    // the first round created SLOTS + 5; the pool kept SLOTS of them, so the second round created 5
    assertThat(created).hasValue(KryoPool.SLOTS + 5 + 5);
  }
}
