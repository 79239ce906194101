package dev.lexigram.cache.jcache.event;

import java.util.List;
import java.util.concurrent.Executor;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;

/**
 * One registered listener: the configuration it came from, the listener and filter made from
 * its factories, and, for an asynchronous listener, the ordered executor that delivers to it.
 */
final class Registration<K, V> {

  private final CacheEntryListenerConfiguration<K, V> configuration;
  private final CacheEntryListener<? super K, ? super V> listener;
  private final CacheEntryEventFilter<? super K, ? super V> filter;
  private final Executor asyncExecutor;

  Registration(CacheEntryListenerConfiguration<K, V> configuration, Executor asyncExecutor) {
    this.configuration = configuration;
    this.listener = configuration.getCacheEntryListenerFactory().create();
    Factory<CacheEntryEventFilter<? super K, ? super V>> filterFactory =
        configuration.getCacheEntryEventFilterFactory();
    this.filter = (filterFactory == null) ? null : filterFactory.create();
    this.asyncExecutor = configuration.isSynchronous() ? null : new OrderedExecutor(asyncExecutor);
  }

  CacheEntryListenerConfiguration<K, V> configuration() {
    return configuration;
  }

  CacheEntryListener<? super K, ? super V> listener() {
    return listener;
  }

  boolean isSynchronous() {
    return asyncExecutor == null;
  }

  Executor asyncExecutor() {
    return asyncExecutor;
  }

  /** Returns whether the listener implements the sub-interface for this event type. */
  boolean listensTo(EventType type) {
    switch (type) {
      case CREATED: return listener instanceof CacheEntryCreatedListener;
      case UPDATED: return listener instanceof CacheEntryUpdatedListener;
      case REMOVED: return listener instanceof CacheEntryRemovedListener;
      case EXPIRED: return listener instanceof CacheEntryExpiredListener;
      default: return false;
    }
  }

  /** Returns whether the filter, if any, lets the event through. */
  boolean accepts(CacheEntryEvent<K, V> event) {
    return filter == null || filter.evaluate(event);
  }

  /** Delivers the event to the listener on the calling thread. */
  @SuppressWarnings("unchecked")
  void deliver(CacheEntryEvent<K, V> event) {
    Iterable<CacheEntryEvent<? extends K, ? extends V>> events = List.of(event);
    @SuppressWarnings("rawtypes")
    CacheEntryListener raw = listener;
    switch (event.getEventType()) {
      case CREATED: ((CacheEntryCreatedListener<K, V>) raw).onCreated(events); break;
      case UPDATED: ((CacheEntryUpdatedListener<K, V>) raw).onUpdated(events); break;
      case REMOVED: ((CacheEntryRemovedListener<K, V>) raw).onRemoved(events); break;
      case EXPIRED: ((CacheEntryExpiredListener<K, V>) raw).onExpired(events); break;
      default: throw new CacheEntryListenerException("Unknown event type " + event.getEventType());
    }
  }
}
