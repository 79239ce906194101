package dev.lexigram.cache.backend.memcached;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import net.spy.memcached.ConnectionFactory;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.MemcachedConnection;
import net.spy.memcached.MemcachedNode;

/**
 * spymemcached's client, starting the SASL login once per connection instead of sometimes twice.
 *
 * <p>A {@link MemcachedClient} with credentials registers itself, in its constructor, as an
 * observer of its connections, and replays "connection established" for servers already
 * connected. When the I/O thread connects a server at that moment (a loopback server connects
 * within milliseconds), both notices start a login on the same connection: the second interrupts
 * the first, whose {@code SASL_AUTH} is already on the wire, and sends its own. memcached answers a
 * second {@code SASL_AUTH} on a logged-in connection with "Auth failure.", spymemcached drops the
 * connection, and every call fails as {@code CANCELLED} until it has reconnected and logged in
 * again, 1 to 2 s later. MemcachedSaslIT's first call failed so in one run of six; 1,000 clients
 * opened in a loop per kind logged two such double logins with {@code MemcachedClient}, none
 * with this class.
 *
 * <p>Without credentials the client observes nothing and this class changes nothing.
 */
final class LoginOnceClient extends MemcachedClient {

  /**
   * The connections a login was started on. Deliberately without an initializer: the superclass
   * constructor already calls {@link #connectionEstablished}, before field initializers would
   * run, and an initializer would then throw away what that call recorded.
   */
  private Set<SocketChannel> loginStarted;

  LoginOnceClient(ConnectionFactory factory, List<InetSocketAddress> servers) throws IOException {
    super(factory, servers);
  }

  @Override
  public void connectionEstablished(SocketAddress server, int reconnectCount) {
    SocketChannel channel = channelOf(server);
    synchronized (this) {
      if (loginStarted == null) {
        loginStarted = Collections.newSetFromMap(new WeakHashMap<>()); // a closed connection's entry goes by itself
      }
      if (channel != null && !loginStarted.add(channel)) {
        return; // this connection's login is under way or done
      }
    }
    super.connectionEstablished(server, reconnectCount);
  }

  /** Returns the server's current connection, or null when it cannot be told (the login then starts as usual). */
  private SocketChannel channelOf(SocketAddress server) {
    MemcachedConnection connection = mconn; // null while the superclass constructor has not set it
    if (connection == null) {
      return null;
    }
    for (MemcachedNode node : connection.getLocator().getAll()) {
      if (node.getSocketAddress().equals(server)) {
        return node.getChannel();
      }
    }
    return null;
  }
}
