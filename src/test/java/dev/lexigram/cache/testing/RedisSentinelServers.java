package dev.lexigram.cache.testing;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import io.lettuce.core.sentinel.api.sync.RedisSentinelCommands;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Sentinel setup on free loopback ports: a master, one replica of it, and one Sentinel that
 * monitors them as {@value #MASTER_NAME} with quorum 1, a down-after of
 * {@value #DOWN_AFTER_MILLIS} ms and a failover timeout of {@value #FAILOVER_TIMEOUT_MILLIS} ms
 * (config file in a temp directory). {@link #start} returns once the replica is in sync and the
 * Sentinel knows the master and its replica; {@link #close} stops exactly the three processes it
 * started.
 */
public final class RedisSentinelServers implements AutoCloseable {

  public static final String MASTER_NAME = "mymaster";
  static final int DOWN_AFTER_MILLIS = 1_000;
  static final int FAILOVER_TIMEOUT_MILLIS = 5_000;
  private static final Duration READY = Duration.ofSeconds(30);
  /** Either server may become master: neither waits the default 5 s for more replicas before a full sync. */
  private static final List<String> NO_SYNC_DELAY = List.of("--repl-diskless-sync-delay", "0");

  private final RedisServer first;
  private final RedisServer second;
  private final RedisServer sentinel;

  private RedisSentinelServers(RedisServer first, RedisServer second, RedisServer sentinel) {
    this.first = first;
    this.second = second;
    this.sentinel = sentinel;
  }

  /**
   * Starts the master, the replica and the Sentinel.
   *
   * @throws IllegalStateException if a process does not start or the setup is not ready in time
   */
  public static RedisSentinelServers start() {
    List<RedisServer> started = new ArrayList<>();
    try {
      RedisServer master = RedisServer.start(NO_SYNC_DELAY);
      started.add(master);
      List<String> replicaOptions = new ArrayList<>(NO_SYNC_DELAY);
      replicaOptions.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
      RedisServer replica = RedisServer.start(replicaOptions);
      started.add(replica);
      await("replica in sync").atMost(READY).pollInterval(Duration.ofMillis(50))
          .until(() -> on(replica, c -> c.info("replication").contains("master_link_status:up")));
      RedisServer sentinel = RedisServer.startSentinel(sentinelConfig(master.port()));
      started.add(sentinel);
      RedisSentinelServers setup = new RedisSentinelServers(master, replica, sentinel);
      await("sentinel sees the master and its replica").atMost(READY).pollInterval(Duration.ofMillis(50))
          .until(() -> setup.onSentinel(s -> s.replicas(MASTER_NAME).size() == 1
              && "master".equals(s.master(MASTER_NAME).get("flags"))));
      return setup;
    } catch (RuntimeException e) {
      started.forEach(RedisServer::stop);
      throw e;
    }
  }

  private static Path sentinelConfig(int masterPort) {
    try {
      Path dir = Files.createTempDirectory("redis-sentinel-");
      Path file = dir.resolve("sentinel.conf");
      Files.writeString(file, String.join("\n",
          "dir " + dir,
          "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 1",
          "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MILLIS,
          "sentinel failover-timeout " + MASTER_NAME + " " + FAILOVER_TIMEOUT_MILLIS,
          "sentinel parallel-syncs " + MASTER_NAME + " 1",
          ""), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write a Sentinel config file: " + e, e);
    }
  }

  /** Returns {@code redis-sentinel://127.0.0.1:<sentinel port>/0#mymaster}. */
  public String url() {
    return "redis-sentinel://127.0.0.1:" + sentinel.port() + "/0#" + MASTER_NAME;
  }

  /** Returns the same setup in the query form, {@code redis-sentinel://127.0.0.1:<port>/0?sentinelMasterId=mymaster}. */
  public String queryUrl() {
    return "redis-sentinel://127.0.0.1:" + sentinel.port() + "/0?sentinelMasterId=" + MASTER_NAME;
  }

  /** Returns the port of the server the Sentinel currently names as master. */
  public int masterPort() {
    return onSentinel(s -> {
      SocketAddress address = s.getMasterAddrByName(MASTER_NAME);
      return ((InetSocketAddress) address).getPort();
    });
  }

  /** Returns the data server (master or replica) listening on {@code port}. */
  public RedisServer server(int port) {
    if (first.port() == port) {
      return first;
    }
    if (second.port() == port) {
      return second;
    }
    throw new IllegalArgumentException("no data server of this setup listens on " + port);
  }

  /** Returns the two data servers, the one started as master first. */
  public List<RedisServer> dataServers() {
    return List.of(first, second);
  }

  /** Runs {@code action} on a fresh Sentinel connection and returns its result. */
  public <T> T onSentinel(Function<RedisSentinelCommands<String, String>, T> action) {
    RedisClient client = RedisClient.create(RedisURI.create("redis://127.0.0.1:" + sentinel.port()));
    try (StatefulRedisSentinelConnection<String, String> connection = client.connectSentinel()) {
      return action.apply(connection.sync());
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  /** Runs {@code action} on a fresh connection to a data server and returns its result. */
  public static <T> T on(RedisServer server, Function<RedisCommands<String, String>, T> action) {
    RedisClient client = RedisClient.create(RedisURI.create(server.url()));
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return action.apply(connection.sync());
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  /** Stops the Sentinel and both data servers; a second call does nothing. */
  @Override
  public void close() {
    sentinel.stop();
    first.stop();
    second.stop();
  }

  @Override
  public String toString() {
    return "RedisSentinelServers[" + url() + ", data on " + first.port() + " and " + second.port() + "]";
  }
}
