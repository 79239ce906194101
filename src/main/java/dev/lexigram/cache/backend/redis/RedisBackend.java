package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.RemoteKeys;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StaticCredentialsProvider;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One configured Redis backend: a Lettuce client with resources of its own and one shared,
 * thread-safe connection (String names, byte[] records) used by every store opened on it. The Lua
 * scripts are loaded when it connects.
 *
 * <p>Outages ({@link FailFastOptions} has the settings and why): a command never waits longer than
 * the configured {@code timeout}. While the connection is known to be down, commands are rejected
 * at once (kind CONNECTION) rather than queued; a command sent on a connection that went silent
 * fails after the timeout (kind TIMEOUT). Lettuce reconnects on its own, retrying at most
 * {@link FailFastOptions#MAX_RECONNECT_DELAY} apart, so the same backend works again shortly after
 * the server is back, without being reopened; scripts the restarted server lost are loaded again
 * on their first {@code NOSCRIPT}.
 */
final class RedisBackend implements StoreBackend {

  /** Redis's default {@code proto-max-bulk-len}, used when {@code CONFIG GET} is not allowed. */
  static final long DEFAULT_MAX_BULK = 512L * 1024 * 1024;

  private final BackendSettings settings;
  private final Serializer serializer;
  private final RedisFailures failures;
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;
  private final RedisScript compareAndSet = new RedisScript("compare_and_set");
  private final RedisScript touch = new RedisScript("touch");
  private final long maxRecordBytes;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RedisBackend(BackendSettings settings, Serializer serializer, RedisFailures failures,
      ClientResources resources, RedisClient client, StatefulRedisConnection<String, byte[]> connection) {
    this.settings = settings;
    this.resources = resources;
    this.serializer = serializer;
    this.failures = failures;
    this.client = client;
    this.connection = connection;
    compareAndSet.load(connection.sync());
    touch.load(connection.sync());
    this.maxRecordBytes = readMaxBulk(connection.sync());
  }

  static RedisBackend connect(BackendSettings settings, Serializer serializer) {
    return connect(settings, serializer, null);
  }

  /**
   * Connects with an explicit trust anchor for {@code rediss://}; the configuration has no key for
   * it yet, so only tests call this directly.
   *
   * @param trustedCertificates PEM certificate authorities to trust; null for the JVM's default trust store
   */
  static RedisBackend connect(BackendSettings settings, Serializer serializer, Path trustedCertificates) {
    RedisFailures failures = new RedisFailures(settings.name(), settings.maskedUrl());
    RedisURI uri = uri(settings, failures);
    Duration timeout = settings.timeout();
    ClientResources resources = FailFastOptions.clientResources();
    RedisClient client = RedisClient.create(resources, uri);
    client.setOptions(FailFastOptions.clientOptions(timeout, trustedCertificates));
    StatefulRedisConnection<String, byte[]> connection = null;
    try {
      connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
      return new RedisBackend(settings, serializer, failures, resources, client, connection);
    } catch (RuntimeException e) {
      StoreException failure = failures.translate(e, "connect", null);
      if (connection != null) {
        connection.close();
      }
      client.shutdown(Duration.ZERO, timeout);
      resources.shutdown(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
      throw failure;
    }
  }

  private static RedisURI uri(BackendSettings settings, RedisFailures failures) {
    if (settings.url() == null) {
      throw new StoreException(Kind.CONFIGURATION, failures.describe("no url is configured. Fix: set url: redis://host:6379/0"));
    }
    RedisURI uri;
    try {
      uri = RedisURI.create(settings.url());
    } catch (RuntimeException e) {
      // Lettuce's message may quote the URL with its password, so it is not passed on
      throw new StoreException(Kind.CONFIGURATION, failures.describe("the url cannot be used ("
          + e.getClass().getSimpleName() + "). Fix: use redis://[user:password@]host:6379/0"));
    }
    if (settings.password() != null) {
      // the backend's own user and password win over any in the url (null user = the default user)
      uri.setCredentialsProvider(new StaticCredentialsProvider(settings.username(), settings.password().toCharArray()));
    }
    uri.setTimeout(settings.timeout());
    return uri;
  }

  private static long readMaxBulk(RedisCommands<String, byte[]> commands) {
    try {
      Map<String, String> config = commands.configGet("proto-max-bulk-len");
      String value = config.get("proto-max-bulk-len");
      return value == null ? DEFAULT_MAX_BULK : Long.parseLong(value);
    } catch (RuntimeException e) {
      return DEFAULT_MAX_BULK; // CONFIG may be disabled or denied by an ACL: assume the default
    }
  }

  @Override
  public Store open(StoreContext context) {
    RemoteKeys keys = new RemoteKeys(settings.keyPrefix(), context.cacheName(), serializer);
    return new RedisStore(this, keys);
  }

  @Override
  public boolean copiesValues() {
    return true;
  }

  @Override
  public boolean supportsStoreByReference() {
    return false;
  }

  RedisCommands<String, byte[]> sync() {
    return connection.sync();
  }

  RedisAsyncCommands<String, byte[]> async() {
    return connection.async();
  }

  Serializer serializer() {
    return serializer;
  }

  RedisFailures failures() {
    return failures;
  }

  RedisScript compareAndSetScript() {
    return compareAndSet;
  }

  RedisScript touchScript() {
    return touch;
  }

  long maxRecordBytes() {
    return maxRecordBytes;
  }

  Duration timeout() {
    return settings.timeout();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    RuntimeException failure = null;
    for (Runnable step : List.<Runnable>of(connection::close,
        () -> client.shutdown(Duration.ZERO, settings.timeout()),
        () -> resources.shutdown(0, settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .awaitUninterruptibly(settings.timeout().toMillis()))) {
      try {
        step.run();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = failures.translate(e, "close", null);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "RedisBackend[" + settings.name() + ", " + failures.maskedUrl() + "]";
  }
}
