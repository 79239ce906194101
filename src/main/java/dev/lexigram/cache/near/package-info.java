/**
 * The near cache: a bounded local copy of the entries a process reads from a remote backend,
 * answered without a round trip and never stale after an invalidation reaches the process.
 *
 * <p>{@link dev.lexigram.cache.near.NearStore} decorates a remote {@link dev.lexigram.cache.store.Store}
 * (the cache layer above sees an ordinary store); {@link dev.lexigram.cache.near.NearEntries}
 * holds one cache's local copies; a {@link dev.lexigram.cache.near.NearChannel} is where the
 * backend tells them what changed: Redis client tracking on one connection, or nothing at all on
 * memcached, where {@code max_ttl} bounds the staleness.
 */
package dev.lexigram.cache.near;
