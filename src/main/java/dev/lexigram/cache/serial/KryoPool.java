package dev.lexigram.cache.serial;

import com.esotericsoftware.kryo.Kryo;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Idle Kryo instances for {@link KryoSerializer}, without locks: a fixed array of slots, each
 * holding an idle instance or nothing. A thread starts its search at a slot chosen by its id, so
 * threads that return what they borrow mostly find their own instance at once and never touch
 * each other's slots. Kryo's own thread-safe pool guards a queue with a lock, on which two busy
 * threads spent most of their time parked (JMH stack profile of a by-value get at 2 threads).
 *
 * <p>{@link #obtain} creates an instance when every slot is empty; {@link #free} drops the
 * instance when every slot is full, so at most {@value #SLOTS} idle instances are kept.
 */
final class KryoPool {

  /** A power of two, so that a thread's start slot is its id masked. */
  static final int SLOTS = 32;

  private final AtomicReferenceArray<Kryo> slots = new AtomicReferenceArray<>(SLOTS);
  private final Supplier<Kryo> factory;

  KryoPool(Supplier<Kryo> factory) {
    this.factory = factory;
  }

  /** Returns an idle instance, or a new one when none is idle. */
  Kryo obtain() {
    int start = startSlot();
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) & (SLOTS - 1);
      if (slots.get(slot) != null) {
        Kryo kryo = slots.getAndSet(slot, null);
        if (kryo != null) {
          return kryo;
        }
      }
    }
    return factory.get();
  }

  /** Keeps an instance that finished cleanly for the next call; drops it when every slot is taken. */
  void free(Kryo kryo) {
    int start = startSlot();
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) & (SLOTS - 1);
      if (slots.get(slot) == null && slots.compareAndSet(slot, null, kryo)) {
        return;
      }
    }
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+; the library targets 17
  private static int startSlot() {
    return (int) Thread.currentThread().getId() & (SLOTS - 1);
  }
}
