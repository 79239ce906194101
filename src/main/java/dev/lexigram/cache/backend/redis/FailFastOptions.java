package dev.lexigram.cache.backend.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Lettuce settings that make a Redis outage cost a caller at most one timeout, and make the
 * backend usable again soon after the server is back; {@link RedisBackend}'s class comment says
 * what callers see.
 *
 * <ul>
 *   <li>{@link DisconnectedBehavior#REJECT_COMMANDS}: while the connection is down a command fails
 *       at once ("Currently not connected") instead of being buffered until reconnect; Lettuce's
 *       default would keep every caller waiting for its full timeout and let the buffer grow.
 *   <li>{@link TimeoutOptions#enabled(Duration)}: a command sent on a connection that went silent
 *       fails after the backend's timeout (sync and async alike); the connect timeout is the same.
 *   <li>{@value #REQUEST_QUEUE_SIZE} commands in flight at most per connection: beyond that a command
 *       fails at once instead of piling up without bound behind a stalled server.
 *   <li>Host names resolve through the JVM's own name service ({@code InetAddress}, as for every
 *       other client in the JVM: its cache and {@code networkaddress.cache.ttl}, {@code /etc/hosts},
 *       a configured {@code jdk.net.hosts.file}), not through Netty's DNS client, which Lettuce
 *       would otherwise use and which sends its own queries to the servers in {@code resolv.conf}.
 *   <li>Auto-reconnect stays on, with an exponential delay from 10 ms capped at
 *       {@link #MAX_RECONNECT_DELAY}, so recovery after an outage of any length takes at most
 *       about that long (Lettuce's default cap is 30 s).
 * </ul>
 */
final class FailFastOptions {

  static final int REQUEST_QUEUE_SIZE = 65_536;
  static final Duration MAX_RECONNECT_DELAY = Duration.ofMillis(500);

  private FailFastOptions() {}

  /**
   * Returns the options for a backend with the given timeout.
   *
   * @param trustedCertificates a PEM file of the certificate authorities a {@code rediss://} server
   *     may be signed by; null for the JVM's default trust store
   */
  static ClientOptions clientOptions(Duration timeout, Path trustedCertificates) {
    ClientOptions.Builder options = ClientOptions.builder();
    if (trustedCertificates != null) {
      options.sslOptions(SslOptions.builder().jdkSslProvider().trustManager(trustedCertificates.toFile()).build());
    }
    return options
        .autoReconnect(true)
        .disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
        .requestQueueSize(REQUEST_QUEUE_SIZE)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build();
  }

  /**
   * Returns resources of the backend's own, to be shut down with its client; their channels send
   * the commands queued at once in one write ({@link ConsolidatedFlushes}).
   */
  static ClientResources clientResources() {
    return DefaultClientResources.builder()
        .nettyCustomizer(new ConsolidatedFlushes())
        .addressResolverGroup(DefaultAddressResolverGroup.INSTANCE)
        .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
        .build();
  }
}
