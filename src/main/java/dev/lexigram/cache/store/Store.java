package dev.lexigram.cache.store;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The storage SPI under the JCache layer (version {@value #SPI_VERSION}). A backend implements
 * only this; every JSR-107 rule (expiry policies, loaders, writers, listeners, statistics) lives
 * above it. Keys and values are in their stored form, chosen by the cache layer.
 *
 * <p>Contract:
 * <ul>
 *   <li>Every single-key operation is atomic for its key.
 *   <li>Entries are returned even when their expiry instant has passed; the cache layer decides
 *       what an expired entry means. A store may also drop expired entries on its own.
 *   <li>{@link #compareAndSet} compares the entry's {@link StoreEntry#version() version}; it is
 *       the basis of every conditional operation and entry processor above. A store may identify
 *       an entry that never expires by its stored value object instead of a version number
 *       ({@link StoreEntry#IDENTIFIED_BY_VALUE}): such an entry matches while the key holds that
 *       very object with no expiry instant, a state no caller can tell from the one it read.
 *   <li>Every failure is a {@link StoreException}; nothing else escapes.
 * </ul>
 */
public interface Store extends AutoCloseable {

  /** The version of this SPI; raised when an operation's meaning changes. */
  int SPI_VERSION = 3;

  /** Returns the entry for the key, or null if there is none. */
  StoreEntry get(Object key);

  /**
   * Reads the key and hands what it found to the reader, once, on the caller's thread, holding
   * no lock (the reader may call this store). A store that keeps entries that never expire as
   * their bare values passes such a value to {@link EntryReader#eternal}, so that the read needs
   * no entry object; the default reads {@link #get} and never calls {@code eternal}.
   */
  default <R> R read(Object key, EntryReader<R> reader) {
    StoreEntry entry = get(key);
    return (entry == null) ? reader.absent(key) : reader.entry(key, entry);
  }

  /**
   * Tries to take the lease of loading the key for {@code ttlMillis} milliseconds: while it is
   * held, no other caller in any process sharing this store's backend gets it. The default, for a
   * store that no other process shares, grants every request at once ({@link KeyLease#LOCAL}).
   *
   * @return the lease, or null if another caller holds it
   * @throws StoreException if the backend cannot be asked
   */
  default KeyLease tryLease(Object key, long ttlMillis) {
    return KeyLease.LOCAL;
  }

  /** Returns whether other processes read and write this store's entries (and leases); false by default. */
  default boolean isShared() {
    return false;
  }

  /** Returns the entries present for the given keys; absent keys are missing from the map. */
  Map<Object, StoreEntry> getAll(Collection<?> keys);

  /**
   * Reads the entry for the key without a caller's thread waiting for the backend. The stage
   * completes with the entry or null, or exceptionally with a {@link StoreException}. The
   * default runs {@link #get} on the executor; a remote store overrides it with its client's
   * asynchronous call, so that no thread waits for the reply.
   *
   * @throws java.util.concurrent.RejectedExecutionException if the executor refuses the task
   */
  default CompletionStage<StoreEntry> getAsync(Object key, Executor executor) {
    return CompletableFuture.supplyAsync(() -> get(key), executor);
  }

  /**
   * Reads the entries of the keys as {@link #getAll} does, without a caller's thread waiting for
   * the backend; failures and the default as for {@link #getAsync}.
   */
  default CompletionStage<Map<Object, StoreEntry>> getAllAsync(Collection<?> keys, Executor executor) {
    return CompletableFuture.supplyAsync(() -> getAll(keys), executor);
  }

  /**
   * Writes as {@link #put} does without a caller's thread waiting for the backend; failures and
   * the default as for {@link #getAsync}.
   */
  default CompletionStage<StoreEntry> putAsync(Object key, Object value, long expiresAt, Executor executor) {
    return CompletableFuture.supplyAsync(() -> put(key, value, expiresAt), executor);
  }

  /**
   * Removes as {@link #remove} does without a caller's thread waiting for the backend; failures
   * and the default as for {@link #getAsync}.
   */
  default CompletionStage<StoreEntry> removeAsync(Object key, Executor executor) {
    return CompletableFuture.supplyAsync(() -> remove(key), executor);
  }

  /** Writes the value unconditionally, without meta, and returns the new entry. */
  default StoreEntry put(Object key, Object value, long expiresAt) {
    return put(key, value, expiresAt, null);
  }

  /** Writes the value unconditionally with the meta (or none, when null) and returns the new entry. */
  StoreEntry put(Object key, Object value, long expiresAt, EntryMeta meta);

  /** Writes every value unconditionally. */
  void putAll(Map<?, StoreWrite> writes);

  /**
   * Replaces the entry only if the current one has the expected version.
   *
   * @param expected the entry read before, or null to require that the key is absent
   * @param newValue the value to write, or null to remove the mapping
   * @param expiresAt the new entry's expiry instant (ignored when removing)
   * @return whether the store changed
   */
  default boolean compareAndSet(Object key, StoreEntry expected, Object newValue, long expiresAt) {
    return compareAndSet(key, expected, newValue, expiresAt, null);
  }

  /**
   * {@link #compareAndSet(Object, StoreEntry, Object, long)} writing the new value with the meta
   * (or none, when null).
   */
  boolean compareAndSet(Object key, StoreEntry expected, Object newValue, long expiresAt, EntryMeta meta);

  /** Sets a new expiry instant on the entry if its version is still the expected one. */
  boolean touch(Object key, StoreEntry expected, long expiresAt);

  /** Removes the mapping and returns the entry it had, or null. */
  StoreEntry remove(Object key);

  /** Removes the mappings of the given keys. */
  void removeAll(Collection<?> keys);

  /** Returns an iterator over the keys present; it tolerates concurrent changes. */
  Iterator<Object> keys();

  /**
   * Returns an iterator over the present keys whose string form ({@code String.valueOf(key)})
   * the glob matches. The default filters {@link #keys()}; a remote store narrows the scan on the
   * server (e.g. Redis {@code SCAN MATCH}) and re-checks with {@link Glob#matches}.
   */
  default Iterator<Object> keys(Glob glob) {
    Iterator<Object> all = keys();
    if (glob.isMatchAll()) {
      return all;
    }
    return new Iterator<>() {
      private Object next;

      @Override
      public boolean hasNext() {
        while (next == null && all.hasNext()) {
          Object candidate = all.next();
          if (glob.matches(String.valueOf(candidate))) {
            next = candidate;
          }
        }
        return next != null;
      }

      @Override
      public Object next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Object result = next;
        next = null;
        return result;
      }
    };
  }

  /** Removes every mapping of this store without telling anyone. */
  void clear();

  /** Releases the store's resources. A second call does nothing. */
  @Override
  void close();
}
