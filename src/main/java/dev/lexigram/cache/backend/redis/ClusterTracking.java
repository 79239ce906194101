package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.near.Generations;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invalidations of a Redis Cluster backend's near caches. Lettuce opens and reopens its
 * per-node connections by itself, so tracking cannot be tied to the connection that reads;
 * instead one listener connection per master (RESP3) asks for {@code CLIENT TRACKING ON BCAST
 * PREFIX <key_prefix>:}: the master pushes the name of every key under the backend's prefix that
 * changes on it, whoever reads it. Reads and writes stay on the backend's cluster connection: a
 * fill reserves its key before its read is sent, so a push for a later write removes the
 * reservation or the copy, whichever connection it comes on.
 *
 * <p>Every {@code heartbeat} a round compares the masters Lettuce knows (its topology, refreshed
 * periodically and on every redirect) with the listeners: a master without one (after a
 * resharding or a failover) costs the trust until its listener is up; then it asks each listener
 * whether it still tracks ({@code CLIENT INFO}). Trust returns only when a whole round begun after
 * the last distrust finds every master listened to and tracking. A listener that drops, or a
 * round unanswered at the next heartbeat, costs the trust at once. Keys that move to another
 * master are deleted on the old one (MIGRATE), whose listener reports them.
 */
final class ClusterTracking implements NearTracking {

  private final Generations generations = new Generations();
  private final RedisLink link;
  private final RedisCalls shared;
  private final RedisURI seed;
  private final ClientResources resources;
  private final ClientOptions options;
  private final TrackingArgs broadcast;
  private final RedisFailures failures;
  private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
  private volatile Heartbeat heartbeat;

  private ClusterTracking(RedisLink link, RedisCalls shared, RedisURI seed, ClientResources resources, ClientOptions options,
      String keyPrefix, Duration heartbeat, RedisFailures failures) {
    this.link = link;
    this.shared = shared;
    this.seed = seed;
    this.resources = resources;
    this.options = options.mutate().protocolVersion(ProtocolVersion.RESP3).build();
    this.broadcast = new TrackingArgs().enabled(true).bcast().prefixes(keyPrefix + ":");
    this.failures = failures;
  }

  /**
   * Opens a listener on every master and starts the heartbeat.
   *
   * @throws StoreException kind CONFIGURATION when a master cannot track (before Redis 6.2, or
   *     {@code CLIENT} denied by an ACL), CONNECTION when it cannot be reached
   */
  static ClusterTracking open(RedisLink link, RedisCalls shared, RedisURI seed, ClientResources resources, ClientOptions options,
      String keyPrefix, Duration heartbeat, RedisFailures failures) {
    ClusterTracking tracking = new ClusterTracking(link, shared, seed, resources, options, keyPrefix, heartbeat, failures);
    try {
      long captured = tracking.generations.generation();
      for (Map.Entry<String, RedisURI> master : link.masters().entrySet()) {
        tracking.listeners.put(master.getKey(), tracking.listen(master.getValue()));
      }
      tracking.generations.trustSince(captured);
    } catch (RuntimeException e) {
      tracking.close();
      throw e;
    }
    tracking.heartbeat = new Heartbeat(resources, heartbeat, tracking.generations, tracking::beat);
    return tracking;
  }

  @Override
  public Generations channel() {
    return generations;
  }

  /** The backend's cluster connection: reads need no tracking of their own. */
  @Override
  public RedisCalls calls() {
    return shared;
  }

  private Listener listen(RedisURI master) {
    RedisURI uri = RedisURI.builder(seed).withHost(master.getHost()).withPort(master.getPort()).build();
    RedisClient client = RedisClient.create(resources, uri);
    client.setOptions(options);
    StatefulRedisConnection<String, byte[]> connection;
    try {
      connection = client.connect(RedisLink.CODEC);
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw failures.translate(e, "connect (near cache listener of " + master.getHost() + ":" + master.getPort() + ")",
          null);
    }
    Listener listener = new Listener(client, connection);
    try {
      connection.sync().clientTracking(broadcast);
    } catch (RuntimeException e) {
      listener.close();
      throw new StoreException(Kind.CONFIGURATION, failures.describe("master " + master.getHost() + ":"
          + master.getPort() + " refused CLIENT TRACKING ON BCAST, which near_cache needs on a cluster: "
          + e.getMessage() + ". Fix: use Redis 6.2 or later and allow the CLIENT command to this user, or remove"
          + " near_cache"), e);
    }
    connection.addListener(message -> Invalidations.deliver(message, generations));
    client.addListener(new RedisConnectionStateListener() {
      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
        if (handler == connection) {
          generations.distrust();
        }
      }
    });
    return listener;
  }

  /** One round of the heartbeat (see {@link Heartbeat} for a round still unanswered). */
  private void beat() {
    try {
      round();
    } catch (RuntimeException e) {
      heartbeat.answered();
      generations.distrust(); // a master could not be listened to: the next round tries again
    }
  }

  private void round() {
    long captured = generations.generation();
    Map<String, RedisURI> masters = link.masters();
    if (!masters.keySet().equals(listeners.keySet())) {
      generations.distrust();
      captured = generations.generation();
      for (String gone : new ArrayList<>(listeners.keySet())) {
        if (!masters.containsKey(gone)) {
          listeners.remove(gone).close();
        }
      }
      for (Map.Entry<String, RedisURI> master : masters.entrySet()) {
        if (!listeners.containsKey(master.getKey())) {
          listeners.put(master.getKey(), listen(master.getValue()));
        }
      }
    }
    long roundStart = captured;
    heartbeat.sent();
    List<CompletableFuture<Boolean>> checks = new ArrayList<>();
    listeners.values().forEach(listener -> checks.add(listener.check()));
    CompletableFuture.allOf(checks.toArray(new CompletableFuture<?>[0])).whenComplete((done, failure) -> {
      heartbeat.answered();
      boolean tracking = failure == null && checks.stream().allMatch(CompletableFuture::join);
      if (tracking && masters.keySet().equals(listeners.keySet())) {
        generations.trustSince(roundStart);
      } else {
        generations.distrust();
      }
    });
  }

  @Override
  public void close() {
    Heartbeat beating = heartbeat;
    if (beating != null) {
      beating.close();
    }
    generations.distrust();
    listeners.values().forEach(Listener::close);
    listeners.clear();
  }

  /** The listener connection of one master. */
  private final class Listener {
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;

    Listener(RedisClient client, StatefulRedisConnection<String, byte[]> connection) {
      this.client = client;
      this.connection = connection;
    }

    /** Whether the master still tracks for this listener; if not, asks it to again (and answers false). */
    CompletableFuture<Boolean> check() {
      try {
        return connection.async().clientInfo().toCompletableFuture().thenApply(info -> {
          boolean tracks = Invalidations.tracks(info);
          if (!tracks) {
            connection.async().clientTracking(broadcast);
          }
          return tracks;
        }).exceptionally(failure -> false);
      } catch (RuntimeException e) {
        return CompletableFuture.completedFuture(false);
      }
    }

    void close() {
      connection.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
