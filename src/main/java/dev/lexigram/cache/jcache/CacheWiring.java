package dev.lexigram.cache.jcache;

import dev.lexigram.cache.LexigramConfiguration;
import dev.lexigram.cache.ext.ErrorCounts;
import dev.lexigram.cache.jcache.expiry.ExpiryCalculator;
import dev.lexigram.cache.jcache.integration.ReadThrough;
import dev.lexigram.cache.jcache.integration.WriteThrough;
import dev.lexigram.cache.jcache.management.CacheStatistics;
import dev.lexigram.cache.serial.Copier;
import dev.lexigram.cache.stampede.Stampede;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.tag.CacheTags;
import java.time.Clock;
import java.util.concurrent.Executor;

/** Every collaborator of one cache, built by {@link CacheFactory} and handed to the proxy. */
record CacheWiring<K, V>(
    String name,
    CacheManagerImpl manager,
    LexigramConfiguration<K, V> configuration,
    Store store,
    Clock clock,
    ExpiryCalculator expiry,
    CacheStatistics statistics,
    Copier copier,
    ReadThrough<K, V> loader,
    WriteThrough<K, V> writeThrough,
    Executor executor,
    Stampede<K, V> stampede,
    CacheTags tags,
    ErrorCounts extensionErrors) {}
