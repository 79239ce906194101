package dev.lexigram.cache.backend.memcached;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.ConnectionFactory;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.ConnectionFactoryBuilder.Locator;
import net.spy.memcached.ConnectionFactoryBuilder.Protocol;
import net.spy.memcached.ConnectionObserver;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.FailureMode;
import net.spy.memcached.MemcachedClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the backend's spymemcached clients: binary protocol, Ketama consistent hashing over
 * the configured servers (with a single server every key lives on it, so the client skips the
 * ring: Ketama costs an MD5 and a tree walk per key, 18% of the client CPU samples of a
 * 64-thread getAll(10) in a JFR profile),
 * the configured operation timeout, SASL PLAIN when a user name is set ({@link SaslLogin}, logged
 * in once per connection by {@link LoginOnceClient}), and
 * {@link FailureMode#Cancel}, so that calls for a dead server's keys fail at once instead of
 * waiting for it or moving its keys to another server.
 *
 * <p>A backend opens two clients. The reading one carries only plain gets and multi-gets and has
 * spymemcached's get optimization on ({@code setShouldOptimize}): the gets threads queue for a
 * server while the I/O thread is busy leave as one multi-get packet, so under concurrency the
 * server and the client make fewer system calls per get (64-thread gets measured 1.23x raw
 * spymemcached with it, 0.88x without, in interleaved rounds). Everything else, compare-and-set's
 * {@code gets} included, goes through the other client, with the optimization off: spymemcached
 * also merges stores and {@code cas} operations, and with it on, {@code gets} racing with
 * {@code cas} on one key stalled the connection until calls timed out (on 2.12.3 with the binary
 * protocol; MemcachedStoreIT's racing test reproduces it). A get on one connection sees a write
 * acknowledged on the other, since memcached answers a write after storing it.
 */
final class ClientSetup {

  private static final Logger LOG = LoggerFactory.getLogger(ClientSetup.class);

  /** The longest pause between reconnection attempts to a server that went away. */
  private static final long MAX_RECONNECT_SECONDS = 2;

  private ClientSetup() {}

  /** Returns the configured servers as resolved socket addresses. */
  static List<InetSocketAddress> addresses(BackendSettings settings) {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String server : settings.servers()) {
      int colon = server.lastIndexOf(':');
      String host = server.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(server.substring(colon + 1)));
      if (address.isUnresolved()) {
        throw new StoreException(Kind.CONNECTION, "memcached backend '" + settings.name() + "': cannot resolve server '"
            + server + "'. Fix: check the host name in servers");
      }
      addresses.add(address);
    }
    return addresses;
  }

  /**
   * Opens a client on the servers.
   *
   * @param coalescingReads whether the client merges the plain gets queued for a server into one
   *     multi-get packet; only for a client that sends nothing but {@code get} and multi-get
   */
  static MemcachedClient connect(BackendSettings settings, List<InetSocketAddress> addresses, boolean coalescingReads) {
    ConnectionFactoryBuilder builder = new ConnectionFactoryBuilder()
        .setProtocol(Protocol.BINARY)
        .setShouldOptimize(coalescingReads)
        .setHashAlg(addresses.size() == 1 ? DefaultHashAlgorithm.NATIVE_HASH : DefaultHashAlgorithm.KETAMA_HASH)
        .setLocatorType(addresses.size() == 1 ? Locator.ARRAY_MOD : Locator.CONSISTENT)
        .setOpTimeout(settings.timeout().toMillis())
        .setFailureMode(FailureMode.Cancel)
        .setMaxReconnectDelay(MAX_RECONNECT_SECONDS)
        .setDaemon(true);
    if (SaslLogin.configured(settings)) {
      builder.setAuthDescriptor(SaslLogin.authDescriptor(settings));
    }
    CountDownLatch connected = new CountDownLatch(addresses.size());
    builder.setInitialObservers(List.of(new ConnectionObserver() {
      @Override
      public void connectionEstablished(SocketAddress server, int reconnectCount) {
        connected.countDown();
      }

      @Override
      public void connectionLost(SocketAddress server) {
        // the client reconnects by itself; calls for the server's keys fail fast meanwhile
      }
    }));
    ConnectionFactory factory = builder.build();
    MemcachedClient client;
    try {
      client = new LoginOnceClient(factory, addresses);
    } catch (IOException | RuntimeException e) {
      throw new StoreException(Kind.CONNECTION, "memcached backend '" + settings.name() + "': cannot open a client for "
          + settings.servers() + ": " + e.getMessage(), e);
    }
    awaitConnections(settings, connected);
    return client;
  }

  /**
   * Waits up to the timeout for every server's first connection: with {@link FailureMode#Cancel}
   * a call for a server not yet connected would be cancelled. A server still unreachable then is
   * logged, and its keys fail until the client reaches it.
   */
  private static void awaitConnections(BackendSettings settings, CountDownLatch connected) {
    try {
      if (!connected.await(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("memcached backend '{}': {} of {} servers not connected within {} ms; calls for their keys fail"
            + " until they answer", settings.name(), connected.getCount(), settings.servers().size(),
            settings.timeout().toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
