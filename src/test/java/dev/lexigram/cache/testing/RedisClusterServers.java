package dev.lexigram.cache.testing;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Redis Cluster of {@value #MASTERS} masters (no replicas), each a {@link RedisServer} on a free
 * loopback port with cluster mode on, its bus on another free port and its node file in a temp
 * directory. {@link #start} assigns the 16384 slots in three ranges, introduces the nodes to each
 * other with {@code CLUSTER MEET} and returns once every node reports {@code cluster_state:ok}
 * and knows all masters; {@link #close} stops exactly the processes it started.
 */
public final class RedisClusterServers implements AutoCloseable {

  public static final int MASTERS = 3;
  private static final int SLOTS = 16384;
  private static final Duration FORMATION = Duration.ofSeconds(30);

  private final List<RedisServer> nodes;
  private final List<Integer> busPorts;

  private RedisClusterServers(List<RedisServer> nodes, List<Integer> busPorts) {
    this.nodes = List.copyOf(nodes);
    this.busPorts = List.copyOf(busPorts);
  }

  /**
   * Starts the nodes and forms the cluster.
   *
   * @throws IllegalStateException if a node does not start or the cluster is not ok in time
   */
  public static RedisClusterServers start() {
    Path dir;
    try {
      dir = Files.createTempDirectory("redis-cluster-");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create a directory for the cluster's node files: " + e, e);
    }
    List<RedisServer> nodes = new ArrayList<>();
    List<Integer> busPorts = new ArrayList<>();
    try {
      for (int i = 0; i < MASTERS; i++) {
        busPorts.add(ServerProcesses.freePort());
        nodes.add(RedisServer.start(List.of("--cluster-enabled", "yes",
            "--cluster-config-file", dir.resolve("nodes-" + i + ".conf").toString(),
            "--cluster-port", Integer.toString(busPorts.get(i)),
            "--cluster-announce-ip", "127.0.0.1",
            "--cluster-node-timeout", "5000",
            "--dir", dir.toString())));
      }
      RedisClusterServers cluster = new RedisClusterServers(nodes, busPorts);
      cluster.form();
      return cluster;
    } catch (RuntimeException e) {
      nodes.forEach(RedisServer::stop);
      throw e;
    }
  }

  private void form() {
    for (int i = 0; i < MASTERS; i++) {
      int first = i * SLOTS / MASTERS;
      int last = (i + 1) * SLOTS / MASTERS - 1;
      int[] slots = IntStream.rangeClosed(first, last).toArray();
      onNode(i, commands -> commands.clusterAddSlots(slots));
    }
    for (int i = 1; i < MASTERS; i++) {
      // CLUSTER MEET ip port bus-port: the bus is not on port + 10000 here
      CommandArgs<String, String> meet = new CommandArgs<>(StringCodec.UTF8).add("MEET").add("127.0.0.1")
          .add(nodes.get(i).port()).add(busPorts.get(i));
      onNode(0, commands -> commands.dispatch(CommandType.CLUSTER, new StatusOutput<>(StringCodec.UTF8), meet));
    }
    await("cluster_state:ok on every node").atMost(FORMATION).pollInterval(Duration.ofMillis(50))
        .until(this::isFormed);
  }

  private boolean isFormed() {
    for (int i = 0; i < MASTERS; i++) {
      boolean ok = onNode(i, commands -> commands.clusterInfo().contains("cluster_state:ok")
          && commands.clusterNodes().lines().filter(line -> line.contains("master")).count() == MASTERS);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Runs {@code action} on a fresh connection to node {@code index} and returns its result. */
  public <T> T onNode(int index, Function<RedisCommands<String, String>, T> action) {
    RedisClient client = RedisClient.create(RedisURI.create(nodes.get(index).url()));
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return action.apply(connection.sync());
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  /** Returns the names on node {@code index} that match a Redis pattern ({@code KEYS}; test data only). */
  public List<String> keysOnNode(int index, String pattern) {
    return onNode(index, commands -> commands.keys(pattern));
  }

  /** Returns the nodes, each also a master. */
  public List<RedisServer> nodes() {
    return nodes;
  }

  /** Returns one node's url, {@code redis://127.0.0.1:<port>}: a single seed. */
  public String seedUrl() {
    return nodes.get(0).url();
  }

  /** Returns {@code redis://127.0.0.1:<p1>,127.0.0.1:<p2>,127.0.0.1:<p3>}: every node as a seed. */
  public String url() {
    return "redis://" + nodes.stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
  }

  /** Stops every node this cluster started; stops the others even if one fails. */
  @Override
  public void close() {
    nodes.forEach(RedisServer::stop);
  }

  @Override
  public String toString() {
    return "RedisClusterServers[" + url() + "]";
  }
}
