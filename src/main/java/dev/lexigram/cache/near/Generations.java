package dev.lexigram.cache.near;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generation bookkeeping of a channel that hears of changes from a server (Redis client
 * tracking), and the delivery of what it hears to the attached {@link NearEntries}.
 *
 * <p>Trust is lost at once, by any event that may have lost an invalidation ({@link #distrust}),
 * and won back only by an answer to a check that began after the last such event
 * ({@link #trustSince}): the check captures the generation before it is sent, and trust returns
 * only if the generation is still that one, so an answer that crosses a disconnect never restores
 * it. Every change of generation drops every copy.
 */
public final class Generations implements NearChannel {

  private final AtomicLong generation = new AtomicLong(-1);
  private final AtomicLong counter = new AtomicLong(1);
  private final List<NearEntries> attached = new CopyOnWriteArrayList<>();

  @Override
  public long generation() {
    return generation.get();
  }

  @Override
  public void attach(NearEntries entries) {
    attached.add(entries);
  }

  @Override
  public void detach(NearEntries entries) {
    attached.remove(entries);
  }

  /** Stops vouching: a new negative generation, and the local copies are dropped. */
  public void distrust() {
    long previous = generation.getAndSet(-counter.incrementAndGet());
    if (previous >= 0) {
      attached.forEach(NearEntries::invalidateAll);
    }
  }

  /**
   * Vouches again, under a new generation, if nothing made it distrust since {@code captured}
   * (read with {@link #generation()} before the check that now confirmed the channel was sent).
   */
  public void trustSince(long captured) {
    if (captured < 0) {
      generation.compareAndSet(captured, counter.incrementAndGet());
    }
  }

  /** Every key changed at once (a flush of the server): a new generation, still vouched for. */
  public void renew() {
    long current = generation.get();
    if (current >= 0 && generation.compareAndSet(current, counter.incrementAndGet())) {
      attached.forEach(NearEntries::invalidateAll);
    }
  }

  /** Delivers the server's word that these names changed to the entries whose namespace they start with. */
  public void invalidate(List<?> names) {
    for (Object name : names) {
      String text = String.valueOf(name);
      for (NearEntries entries : attached) {
        if (text.startsWith(entries.namespace())) {
          entries.invalidate(text);
        }
      }
    }
  }
}
