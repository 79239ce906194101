package dev.lexigram.cache.backend.redis;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The commands of one connection, synchronous and asynchronous: the backend's shared connection,
 * or the tracking connection of its near caches.
 */
record RedisCalls(RedisClusterCommands<String, byte[]> sync, RedisClusterAsyncCommands<String, byte[]> async) {}
