package dev.lexigram.cache.breaker;

import dev.lexigram.cache.store.EntryMeta;
import dev.lexigram.cache.store.EntryReader;
import dev.lexigram.cache.store.Glob;
import dev.lexigram.cache.store.KeyLease;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreEntry;
import dev.lexigram.cache.store.StoreWrite;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A remote store behind its backend's {@link CircuitBreaker}: every call asks the breaker first
 * and tells it how the call ended. A call the open circuit refuses fails with kind CONNECTION
 * without reaching the store.
 */
public final class BreakingStore implements Store {

  private final Store delegate;
  private final CircuitBreaker breaker;

  public BreakingStore(Store delegate, CircuitBreaker breaker) {
    this.delegate = delegate;
    this.breaker = breaker;
  }

  private <T> CompletionStage<T> callAsync(String operation, Supplier<CompletionStage<T>> work) {
    long ticket = breaker.pass();
    if (ticket == CircuitBreaker.REFUSED) {
      return CompletableFuture.failedFuture(breaker.rejection(operation));
    }
    CompletionStage<T> reply;
    try {
      reply = work.get();
    } catch (RuntimeException e) {
      breaker.record(ticket, e);
      throw e;
    }
    return reply.whenComplete((value, failure) ->
        breaker.record(ticket, failure instanceof CompletionException wrapped ? wrapped.getCause() : failure));
  }

  @Override
  public StoreEntry get(Object key) {
    return breaker.call("get", () -> delegate.get(key));
  }

  @Override
  public <R> R read(Object key, EntryReader<R> reader) {
    return breaker.call("get", () -> delegate.read(key, reader));
  }

  @Override
  public KeyLease tryLease(Object key, long ttlMillis) {
    return breaker.call("lease", () -> delegate.tryLease(key, ttlMillis));
  }

  @Override
  public boolean isShared() {
    return delegate.isShared();
  }

  @Override
  public Map<Object, StoreEntry> getAll(Collection<?> keys) {
    return breaker.call("getAll", () -> delegate.getAll(keys));
  }

  @Override
  public CompletionStage<StoreEntry> getAsync(Object key, Executor executor) {
    return callAsync("get", () -> delegate.getAsync(key, executor));
  }

  @Override
  public CompletionStage<Map<Object, StoreEntry>> getAllAsync(Collection<?> keys, Executor executor) {
    return callAsync("getAll", () -> delegate.getAllAsync(keys, executor));
  }

  @Override
  public CompletionStage<StoreEntry> putAsync(Object key, Object value, long expiresAt, Executor executor) {
    return callAsync("put", () -> delegate.putAsync(key, value, expiresAt, executor));
  }

  @Override
  public CompletionStage<StoreEntry> removeAsync(Object key, Executor executor) {
    return callAsync("remove", () -> delegate.removeAsync(key, executor));
  }

  @Override
  public StoreEntry put(Object key, Object value, long expiresAt, EntryMeta meta) {
    return breaker.call("put", () -> delegate.put(key, value, expiresAt, meta));
  }

  @Override
  public void putAll(Map<?, StoreWrite> writes) {
    breaker.run("putAll", () -> delegate.putAll(writes));
  }

  @Override
  public boolean compareAndSet(Object key, StoreEntry expected, Object newValue, long expiresAt, EntryMeta meta) {
    return breaker.call("compare-and-set", () -> delegate.compareAndSet(key, expected, newValue, expiresAt, meta));
  }

  @Override
  public boolean touch(Object key, StoreEntry expected, long expiresAt) {
    return breaker.call("touch", () -> delegate.touch(key, expected, expiresAt));
  }

  @Override
  public StoreEntry remove(Object key) {
    return breaker.call("remove", () -> delegate.remove(key));
  }

  @Override
  public void removeAll(Collection<?> keys) {
    breaker.run("removeAll", () -> delegate.removeAll(keys));
  }

  @Override
  public Iterator<Object> keys() {
    return breaker.call("keys", delegate::keys);
  }

  @Override
  public Iterator<Object> keys(Glob glob) {
    return breaker.call("keys", () -> delegate.keys(glob));
  }

  @Override
  public void clear() {
    breaker.run("clear", delegate::clear);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
