package dev.lexigram.cache.jcache;

import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.EntryReader;
import dev.lexigram.cache.store.Glob;
import dev.lexigram.cache.store.KeyLease;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreWrite;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.cache.CacheException;

/**
 * The boundary between the store SPI and the JCache API: a {@link StoreException} becomes the
 * {@link CacheException} the standard promises, naming the cache and keeping the store's
 * message and the exception (with its kind, which the extension API reads) as the cause.
 */
final class TranslatingStore implements Store {

  private final Store delegate;
  private final String cacheName;
  private final String backendName;

  TranslatingStore(Store delegate, String cacheName, String backendName) {
    this.delegate = delegate;
    this.cacheName = cacheName;
    this.backendName = backendName;
  }

  private CacheException translate(StoreException e) {
    return new CacheException("Cache '" + cacheName + "' on backend '" + backendName + "' failed ("
        + e.kind() + "): " + e.getMessage(), e);
  }

  private <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (StoreException e) {
      throw translate(e);
    }
  }

  @Override
  public StoreEntry get(Object key) {
    try {
      return delegate.get(key);
    } catch (StoreException e) {
      throw translate(e);
    }
  }

  @Override
  public <R> R read(Object key, EntryReader<R> reader) {
    try {
      return delegate.read(key, reader);
    } catch (StoreException e) {
      throw translate(e);
    }
  }

  @Override
  public KeyLease tryLease(Object key, long ttlMillis) {
    return call(() -> delegate.tryLease(key, ttlMillis));
  }

  @Override
  public boolean isShared() {
    return delegate.isShared();
  }

  @Override
  public Map<Object, StoreEntry> getAll(Collection<?> keys) {
    return call(() -> delegate.getAll(keys));
  }

  @Override
  public CompletionStage<StoreEntry> getAsync(Object key, Executor executor) {
    return translatingFailure(call(() -> delegate.getAsync(key, executor)));
  }

  @Override
  public CompletionStage<Map<Object, StoreEntry>> getAllAsync(Collection<?> keys, Executor executor) {
    return translatingFailure(call(() -> delegate.getAllAsync(keys, executor)));
  }

  @Override
  public CompletionStage<StoreEntry> putAsync(Object key, Object value, long expiresAt, Executor executor) {
    return translatingFailure(call(() -> delegate.putAsync(key, value, expiresAt, executor)));
  }

  @Override
  public CompletionStage<StoreEntry> removeAsync(Object key, Executor executor) {
    return translatingFailure(call(() -> delegate.removeAsync(key, executor)));
  }

  /** Returns a stage that fails with the translated exception where the store's stage fails with a StoreException. */
  private <T> CompletionStage<T> translatingFailure(CompletionStage<T> stage) {
    return stage.handle((value, failure) -> {
      if (failure == null) {
        return value;
      }
      Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
      throw new CompletionException(cause instanceof StoreException store ? translate(store) : cause);
    });
  }

  @Override
  public StoreEntry put(Object key, Object value, long expiresAt) {
    return call(() -> delegate.put(key, value, expiresAt));
  }

  @Override
  public StoreEntry put(Object key, Object value, long expiresAt, EntryMeta meta) {
    return call(() -> delegate.put(key, value, expiresAt, meta));
  }

  @Override
  public void putAll(Map<?, StoreWrite> writes) {
    call(() -> {
      delegate.putAll(writes);
      return null;
    });
  }

  @Override
  public boolean compareAndSet(Object key, StoreEntry expected, Object newValue, long expiresAt) {
    try {
      return delegate.compareAndSet(key, expected, newValue, expiresAt);
    } catch (StoreException e) {
      throw translate(e);
    }
  }

  @Override
  public boolean compareAndSet(Object key, StoreEntry expected, Object newValue, long expiresAt, EntryMeta meta) {
    try {
      return delegate.compareAndSet(key, expected, newValue, expiresAt, meta);
    } catch (StoreException e) {
      throw translate(e);
    }
  }

  @Override
  public boolean touch(Object key, StoreEntry expected, long expiresAt) {
    return call(() -> delegate.touch(key, expected, expiresAt));
  }

  @Override
  public StoreEntry remove(Object key) {
    return call(() -> delegate.remove(key));
  }

  @Override
  public void removeAll(Collection<?> keys) {
    call(() -> {
      delegate.removeAll(keys);
      return null;
    });
  }

  @Override
  public Iterator<Object> keys() {
    return translating(call(delegate::keys));
  }

  @Override
  public Iterator<Object> keys(Glob glob) {
    return translating(call(() -> delegate.keys(glob)));
  }

  private Iterator<Object> translating(Iterator<Object> keys) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return call(keys::hasNext);
      }

      @Override
      public Object next() {
        return call(keys::next);
      }
    };
  }

  @Override
  public void clear() {
    call(() -> {
      delegate.clear();
      return null;
    });
  }

  @Override
  public void close() {
    call(() -> {
      delegate.close();
      return null;
    });
  }
}
