package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client and the one shared connection of a backend, for whichever topology the URL names:
 *
 * <ul>
 *   <li>{@code redis-sentinel://…#master}: a {@link RedisClient} that asks the Sentinels for the
 *       master's address on every (re)connect, so after a failover it reconnects to the new master;
 *   <li>{@code redis://} or {@code rediss://} with several comma-separated hosts: a
 *       {@link RedisClusterClient} with those hosts as seed nodes;
 *   <li>{@code redis://} or {@code rediss://} with one host: a {@link RedisClient}; if that server
 *       reports {@code cluster_enabled:1} the connection is replaced by a cluster connection seeded
 *       with it, so a single seed node is enough.
 * </ul>
 *
 * <p>Either way the stores see the same command interfaces ({@link RedisClusterCommands},
 * {@link RedisClusterAsyncCommands}, which the standalone and the cluster APIs both extend). On a
 * cluster, Lettuce's cluster API splits multi-key commands ({@code MGET}, {@code UNLINK}) by slot,
 * scans every master in turn, loads scripts on every master and routes single-key commands and
 * scripts to the slot's master. The cluster topology is refreshed every
 * {@link #TOPOLOGY_REFRESH_PERIOD} and at once on {@code MOVED}/{@code ASK} redirects, reconnect
 * attempts and unknown nodes (Lettuce's adaptive triggers).
 */
final class RedisLink implements AutoCloseable {

  static final Duration TOPOLOGY_REFRESH_PERIOD = Duration.ofSeconds(30);
  static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private final AbstractRedisClient client;
  private final StatefulConnection<String, byte[]> connection;
  private final RedisClusterCommands<String, byte[]> sync;
  private final RedisClusterAsyncCommands<String, byte[]> async;
  private final boolean cluster;

  private RedisLink(RedisClient client, StatefulRedisConnection<String, byte[]> connection) {
    this.client = client;
    this.connection = connection;
    this.sync = connection.sync();
    this.async = connection.async();
    this.cluster = false;
  }

  private RedisLink(RedisClusterClient client, StatefulRedisClusterConnection<String, byte[]> connection) {
    this.client = client;
    this.connection = connection;
    this.sync = connection.sync();
    this.async = connection.async();
    this.cluster = true;
  }

  /**
   * Connects as the class comment describes; on failure nothing stays open.
   *
   * @param seeds one URI, or several cluster seed nodes
   * @param sentinel whether the URI names a Sentinel-managed master
   */
  static RedisLink open(List<RedisURI> seeds, boolean sentinel, ClientResources resources, ClientOptions options,
      Duration timeout) {
    if (seeds.size() > 1) {
      return openCluster(seeds, resources, options, timeout);
    }
    RedisClient client = RedisClient.create(resources, seeds.get(0));
    client.setOptions(options);
    StatefulRedisConnection<String, byte[]> connection = null;
    try {
      connection = client.connect(CODEC);
      if (sentinel || !reportsClusterEnabled(connection)) {
        return new RedisLink(client, connection);
      }
    } catch (RuntimeException e) {
      closeQuietly(connection, client, timeout, e);
      throw e;
    }
    closeQuietly(connection, client, timeout, null);
    return openCluster(seeds, resources, options, timeout);
  }

  private static RedisLink openCluster(List<RedisURI> seeds, ClientResources resources, ClientOptions options,
      Duration timeout) {
    RedisClusterClient client = RedisClusterClient.create(resources, seeds);
    client.setOptions(ClusterClientOptions.builder(options)
        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
            .enablePeriodicRefresh(TOPOLOGY_REFRESH_PERIOD)
            .enableAllAdaptiveRefreshTriggers()
            .build())
        .build());
    try {
      return new RedisLink(client, client.connect(CODEC));
    } catch (RuntimeException e) {
      closeQuietly(null, client, timeout, e);
      throw e;
    }
  }

  /** Returns whether {@code INFO cluster} says cluster mode is on; false when INFO is denied. */
  private static boolean reportsClusterEnabled(StatefulRedisConnection<String, byte[]> connection) {
    String info;
    try {
      info = connection.sync().info("cluster");
    } catch (RuntimeException e) {
      return false; // INFO disabled or denied by an ACL: only a standalone server would do that to us
    }
    return info != null && info.lines().anyMatch(line -> line.trim().equals("cluster_enabled:1"));
  }

  private static void closeQuietly(StatefulConnection<?, ?> connection, AbstractRedisClient client, Duration timeout,
      RuntimeException primary) {
    try {
      if (connection != null) {
        connection.close();
      }
      client.shutdown(Duration.ZERO, timeout);
    } catch (RuntimeException e) {
      if (primary == null) {
        throw e;
      }
      primary.addSuppressed(e);
    }
  }

  RedisClusterCommands<String, byte[]> sync() {
    return sync;
  }

  RedisClusterAsyncCommands<String, byte[]> async() {
    return async;
  }

  /**
   * Returns the masters of the cluster as Lettuce currently sees them, by {@code host:port}; empty
   * when this is not a cluster connection.
   */
  Map<String, RedisURI> masters() {
    Map<String, RedisURI> masters = new TreeMap<>();
    if (connection instanceof StatefulRedisClusterConnection<String, byte[]> clusterConnection) {
      for (RedisClusterNode node : clusterConnection.getPartitions()) {
        if (node.getRole() != null && node.getRole().isUpstream()) {
          masters.put(node.getUri().getHost() + ":" + node.getUri().getPort(), node.getUri());
        }
      }
    }
    return masters;
  }

  /** Whether this is a Redis Cluster connection. */
  boolean isCluster() {
    return cluster;
  }

  /**
   * Checks what a cluster cannot do: only database 0 exists there.
   *
   * @throws StoreException kind CONFIGURATION naming the fix
   */
  void checkClusterLimits(int database, int replicaAcks, RedisFailures failures) {
    if (!cluster) {
      return;
    }
    if (database != 0) {
      throw new StoreException(Kind.CONFIGURATION, failures.describe("the url selects database " + database
          + ", but a Redis Cluster has only database 0. Fix: remove /" + database + " from the url"));
    }
    if (replicaAcks > 0) {
      throw new StoreException(Kind.CONFIGURATION, failures.describe("replica_acks: " + replicaAcks
          + " is not supported on a Redis Cluster. Fix: set replica_acks: 0, or use a Sentinel-managed master"));
    }
  }

  @Override
  public void close() {
    connection.close();
  }

  /** Shuts the client down; call after {@link #close()}. */
  void shutdown(Duration timeout) {
    client.shutdown(Duration.ZERO, timeout);
  }
}
