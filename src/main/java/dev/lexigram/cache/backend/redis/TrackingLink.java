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
import java.net.SocketAddress;
import java.time.Duration;

/**
 * The connection of a Redis backend's near caches, with server-assisted client-side caching on
 * ({@code CLIENT TRACKING ON NOLOOP}, default mode, RESP3): every command of a near-cached store
 * runs on it, so the server remembers each key read here and pushes an {@code invalidate} message
 * on this same connection, after the read's reply, when any other connection changes the key
 * (write, delete, expiry, eviction, flush). {@code NOLOOP}: this process's own writes, sent here
 * too, push nothing; its near stores forget those keys themselves once the write is acknowledged.
 *
 * <p>It vouches for its invalidations as a {@link Generations} channel, and stops vouching
 * (a new negative generation, every local copy dropped) when:
 * <ul>
 *   <li>the connection drops (Lettuce reconnects; tracking is not restored by Lettuce);
 *   <li>a heartbeat ({@code CLIENT INFO}, every {@code heartbeat}) is still unanswered at
 *       the next one: the connection went silent, and invalidations may be stuck in it;
 *   <li>a heartbeat finds tracking off (a reconnect this class did not hear of): it then turns
 *       tracking on again.
 * </ul>
 * It vouches again, under a new generation, only when a heartbeat or a {@code CLIENT TRACKING ON}
 * sent after the last of those events is answered with tracking on; a reconnect triggers one at
 * once. Every step compares the generation it started from, so an answer that crosses a
 * disconnect never restores trust.
 */
final class TrackingLink implements NearTracking {

  private static final TrackingArgs TRACKING_ON = new TrackingArgs().enabled(true).noloop();

  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final RedisCalls calls;
  private final Generations generations = new Generations();
  private final Duration heartbeatPeriod;
  private final ClientResources resources;
  private volatile Heartbeat heartbeat;

  private TrackingLink(RedisClient client, StatefulRedisConnection<String, byte[]> connection, Duration heartbeat,
      ClientResources resources) {
    this.client = client;
    this.connection = connection;
    this.calls = new RedisCalls(connection.sync(), connection.async());
    this.heartbeatPeriod = heartbeat;
    this.resources = resources;
  }

  /**
   * Connects (RESP3), turns tracking on and starts the heartbeat.
   *
   * @throws StoreException kind CONFIGURATION when the server cannot track (before Redis 6.2, or
   *     {@code CLIENT} denied by an ACL), CONNECTION when it cannot be reached
   */
  static TrackingLink open(RedisURI uri, ClientResources resources, ClientOptions options, Duration heartbeat,
      RedisFailures failures) {
    RedisClient client = RedisClient.create(resources, uri);
    client.setOptions(options.mutate().protocolVersion(ProtocolVersion.RESP3).build());
    StatefulRedisConnection<String, byte[]> connection;
    try {
      connection = client.connect(RedisLink.CODEC);
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      StoreException failure = failures.translate(e, "connect (near cache)", null);
      throw failure.kind() == Kind.CONNECTION ? failure : new StoreException(Kind.CONFIGURATION, failures.describe(
          "near_cache needs RESP3 and CLIENT TRACKING (Redis 6.2 or later): " + failure.getMessage()
              + ". Fix: upgrade the server, or remove near_cache"), e);
    }
    TrackingLink link = new TrackingLink(client, connection, heartbeat, resources);
    try {
      connection.sync().clientTracking(TRACKING_ON);
      if (!Invalidations.tracks(connection.sync().clientInfo())) {
        throw new IllegalStateException("CLIENT INFO does not show tracking on after CLIENT TRACKING ON");
      }
    } catch (RuntimeException e) {
      link.close();
      throw new StoreException(Kind.CONFIGURATION, failures.describe("the server refused CLIENT TRACKING ON NOLOOP or"
          + " CLIENT INFO, which near_cache needs: " + e.getMessage() + ". Fix: use Redis 6.2 or later and allow the CLIENT command"
          + " to this user, or remove near_cache"), e);
    }
    link.start();
    return link;
  }

  private void start() {
    connection.addListener(message -> Invalidations.deliver(message, generations));
    client.addListener(new RedisConnectionStateListener() {
      @Override
      public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
        if (handler == connection) {
          resources.eventExecutorGroup().execute(TrackingLink.this::check);
        }
      }

      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
        if (handler == connection) {
          generations.distrust();
        }
      }
    });
    generations.trustSince(generations.generation());
    heartbeat = new Heartbeat(resources, heartbeatPeriod, generations, this::check);
  }

  /** The commands of this connection, for the near-cached stores. */
  @Override
  public RedisCalls calls() {
    return calls;
  }

  @Override
  public Generations channel() {
    return generations;
  }

  /** Asks whether tracking is on; trusts, or turns it on again, by the answer. */
  private void check() {
    Heartbeat beating = heartbeat;
    if (beating == null || beating.isClosed()) {
      return;
    }
    long captured = generations.generation();
    beating.sent();
    try {
      calls.async().clientInfo().whenComplete((info, failure) -> {
        beating.answered();
        if (failure != null) {
          generations.distrust();
        } else if (Invalidations.tracks(info)) {
          generations.trustSince(captured);
        } else {
          generations.distrust();
          enable();
        }
      });
    } catch (RuntimeException e) {
      beating.answered();
      generations.distrust();
    }
  }

  private void enable() {
    long captured = generations.generation();
    try {
      calls.async().clientTracking(TRACKING_ON).whenComplete((ok, failure) -> {
        if (failure == null) {
          generations.trustSince(captured);
        }
      });
    } catch (RuntimeException e) {
      // rejected while disconnected: the reconnect runs check() again
    }
  }

  @Override
  public void close() {
    Heartbeat beating = heartbeat;
    if (beating != null) {
      beating.close();
    }
    generations.distrust();
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
