package dev.lexigram.cache.jcache;

import dev.lexigram.cache.jcache.integration.ReadThrough;
import dev.lexigram.cache.jcache.integration.WriteThrough;
import dev.lexigram.cache.jcache.management.CacheStatistics;
import dev.lexigram.cache.jcache.processor.EntryProcessorEntry;
import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.StoreEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * Runs entry processors for one cache: the processor works on an {@link EntryProcessorEntry}
 * over a snapshot of the entry, and its net effect is applied with one compare-and-set; if the
 * entry changed meanwhile, the processor runs again on the new state. The writer is called
 * before the store changes, listeners after; a processor's own exception is wrapped in an
 * {@link EntryProcessorException} (listener and writer failures pass as they are).
 */
final class EntryProcessing<K, V> {

  private final StoreOps<K, V> ops;
  private final CacheStatistics statistics;
  private final TypeCheck typeCheck;
  private final ReadThrough<K, V> readThrough;
  private final WriteThrough<K, V> writeThrough;

  EntryProcessing(StoreOps<K, V> ops, CacheStatistics statistics, TypeCheck typeCheck,
      ReadThrough<K, V> readThrough, WriteThrough<K, V> writeThrough) {
    this.ops = ops;
    this.statistics = statistics;
    this.typeCheck = typeCheck;
    this.readThrough = readThrough;
    this.writeThrough = writeThrough;
  }

  /**
   * Returns the results of {@code invokeAll}: {@code invokeOne} runs per key; a null result is left
   * out, and a failure is kept as the key's result, an {@link EntryProcessorException} (wrapping any
   * other exception) that the result throws when asked, as the standard says.
   */
  static <K, T> Map<K, EntryProcessorResult<T>> invokeEach(Set<? extends K> keys, Function<K, T> invokeOne) {
    Map<K, EntryProcessorResult<T>> results = new HashMap<>();
    for (K key : keys) {
      try {
        T result = invokeOne.apply(key);
        if (result != null) {
          results.put(key, () -> result);
        }
      } catch (EntryProcessorException e) {
        results.put(key, () -> {
          throw e;
        });
      } catch (RuntimeException e) {
        EntryProcessorException wrapped = new EntryProcessorException(e);
        results.put(key, () -> {
          throw wrapped;
        });
      }
    }
    return results;
  }

  <T> T invoke(K key, EntryProcessor<K, V, T> processor, Object[] arguments, long now) {
    while (true) {
      EntryMeta tags = ops.tags().capture(); // before the processor reads or loads anything
      StoreEntry current = ops.live(key, now);
      V currentValue = (current == null) ? null : ops.valueOf(current);
      EntryProcessorEntry<K, V> entry = new EntryProcessorEntry<>(key, currentValue, readThrough);
      T result;
      try {
        result = processor.process(entry, arguments);
      } catch (EntryProcessorException e) {
        throw e;
      } catch (Exception | Error e) {
        throw new EntryProcessorException(e);
      }
      if (applyProcessed(key, current, currentValue, entry, now, tags)) {
        if (entry.existed()) {
          statistics.recordHits(1);
        } else {
          statistics.recordMisses(1);
        }
        return result;
      }
    }
  }

  /** Applies what the processor did; returns false if the entry changed meanwhile. */
  private boolean applyProcessed(K key, StoreEntry current, V currentValue, EntryProcessorEntry<K, V> entry, long now,
      EntryMeta tags) {
    V value = entry.currentValue();
    switch (entry.action()) {
      case NONE:
        return true;
      case READ:
        ops.touchOnAccess(key, current, now);
        return true;
      case LOADED:
        typeCheck.value(value);
        ops.create(key, value, now, tags); // a value stored meanwhile by another caller wins over the loaded one
        return true;
      case CREATED:
        typeCheck.value(value);
        if (writeThrough != null) {
          writeThrough.write(new EntryImpl<>(key, value));
        }
        int created = ops.create(key, value, now, tags);
        if (created == StoreOps.CONFLICT) {
          return false;
        }
        if (created == StoreOps.STORED) {
          statistics.recordPuts(1);
        }
        return true;
      case UPDATED:
        typeCheck.value(value);
        if (writeThrough != null) {
          writeThrough.write(new EntryImpl<>(key, value));
        }
        if (!ops.update(key, current, currentValue, value, now, tags)) {
          return false;
        }
        statistics.recordPuts(1);
        return true;
      case REMOVED:
        if (writeThrough != null) {
          writeThrough.delete(key);
        }
        if (current == null) {
          return true;
        }
        if (!ops.removeIfSame(key, current, currentValue)) {
          return false;
        }
        statistics.recordRemovals(1);
        return true;
      default:
        throw new IllegalStateException("Unknown action " + entry.action());
    }
  }
}
