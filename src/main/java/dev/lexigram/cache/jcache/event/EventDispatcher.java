package dev.lexigram.cache.jcache.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.EventType;

/**
 * Publishes entry events to the registered listeners of one cache.
 *
 * <ul>
 *   <li>Events are published after the store has changed, by the thread that changed it.
 *   <li>A synchronous listener runs on that thread before the cache call returns; its
 *       failure reaches the caller as a {@link CacheEntryListenerException} (errors pass as they are).
 *   <li>An asynchronous listener receives its events in order, one at a time, on the shared
 *       executor; its failures are logged and never reach the caller.
 *   <li>With no listener registered, publishing costs one volatile read.
 * </ul>
 */
public final class EventDispatcher<K, V> {

  private final Cache<K, V> source;
  private final Executor executor;
  private final List<Registration<K, V>> registrations = new CopyOnWriteArrayList<>();

  public EventDispatcher(Cache<K, V> source, Executor executor) {
    this.source = source;
    this.executor = executor;
  }

  /**
   * Registers a listener.
   *
   * @throws IllegalArgumentException if the same configuration is registered already
   */
  public synchronized void register(CacheEntryListenerConfiguration<K, V> configuration) {
    for (Registration<K, V> registration : registrations) {
      if (registration.configuration().equals(configuration)) {
        throw new IllegalArgumentException("This cache entry listener configuration is registered already");
      }
    }
    registrations.add(new Registration<>(configuration, executor));
  }

  /** Removes a listener's registration; returns whether it was registered. */
  public synchronized boolean deregister(CacheEntryListenerConfiguration<K, V> configuration) {
    return registrations.removeIf(registration -> registration.configuration().equals(configuration));
  }

  /** Returns whether any listener is registered. */
  public boolean hasListeners() {
    return !registrations.isEmpty();
  }

  public void publishCreated(K key, V value) {
    publish(EventType.CREATED, key, value, null, false);
  }

  public void publishUpdated(K key, V oldValue, V newValue) {
    publish(EventType.UPDATED, key, newValue, oldValue, true);
  }

  public void publishRemoved(K key, V oldValue) {
    publish(EventType.REMOVED, key, oldValue, oldValue, true);
  }

  public void publishExpired(K key, V oldValue) {
    publish(EventType.EXPIRED, key, oldValue, oldValue, true);
  }

  private void publish(EventType type, K key, V value, V oldValue, boolean hasOldValue) {
    if (registrations.isEmpty()) {
      return;
    }
    for (Registration<K, V> registration : registrations) {
      if (!registration.listensTo(type)) {
        continue;
      }
      // the old value is always at hand, so it is given whether or not the listener asked for it
      EntryEvent<K, V> event = new EntryEvent<>(source, type, key, value, oldValue, hasOldValue);
      if (registration.isSynchronous()) {
        deliverNow(registration, event);
      } else {
        registration.asyncExecutor().execute(() -> {
          if (registration.accepts(event)) {
            registration.deliver(event);
          }
        });
      }
    }
  }

  private static <K, V> void deliverNow(Registration<K, V> registration, EntryEvent<K, V> event) {
    try {
      if (registration.accepts(event)) {
        registration.deliver(event);
      }
    } catch (CacheEntryListenerException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CacheEntryListenerException("A cache entry listener failed: " + e, e);
    }
  }

  /** Drops every registration, closing listeners and filters that are {@link AutoCloseable}. */
  public synchronized void close() {
    for (Registration<K, V> registration : registrations) {
      closeQuietly(registration.listener());
    }
    registrations.clear();
  }

  private static void closeQuietly(Object resource) {
    if (resource instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // a listener that fails to close must not stop the cache from closing
        org.slf4j.LoggerFactory.getLogger(EventDispatcher.class).warn("Failed to close a listener", e);
      }
    }
  }
}
