package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.NearCacheSettings;
import dev.lexigram.cache.near.NearEntries;
import dev.lexigram.cache.near.NearStore;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.store.RemoteKeys;
import dev.lexigram.cache.store.LockStore;
import dev.lexigram.cache.store.TagStore;
import dev.lexigram.cache.store.Store;
import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreContext;
import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.StoreException.Kind;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One configured Redis backend: a Lettuce client with resources of its own and one shared,
 * thread-safe connection (String names, byte[] records) used by every store opened on it, to a
 * standalone server, a Sentinel-managed master or a cluster ({@link RedisLink} says how the URL
 * chooses). The Lua scripts are loaded when it connects (on every master of a cluster).
 *
 * <p>Replica acknowledgements: with {@code replica_acks: N > 0} every write is followed by
 * {@code WAIT N} on the same connection, and the write fails (kind TIMEOUT) unless N replicas
 * confirmed it within half the timeout; so a write that returns normally survives a failover to
 * one of those replicas. {@code WAIT} holds up the shared connection while it waits, which is
 * only noticeable when replicas lag or are gone.
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
  private final RedisLink link;
  private final RedisScript compareAndSet = new RedisScript("compare_and_set");
  private final RedisScript touch = new RedisScript("touch");
  private final RedisScript releaseLease = new RedisScript("release_lease");
  private final RedisScript lockAcquire = new RedisScript("lock_acquire");
  private final RedisScript lockRelease = new RedisScript("lock_release");
  private final RedisScript lockExtend = new RedisScript("lock_extend");
  private final long maxRecordBytes;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final RedisCalls shared;
  private final RedisURI uri;
  private final ClientOptions options;
  private NearTracking tracking; // guarded by this; opened with the first near-cached store

  private RedisBackend(BackendSettings settings, Serializer serializer, RedisFailures failures,
      ClientResources resources, RedisLink link, RedisURI uri, ClientOptions options) {
    this.settings = settings;
    this.uri = uri;
    this.options = options;
    this.shared = new RedisCalls(link.sync(), link.async());
    this.resources = resources;
    this.serializer = serializer;
    this.failures = failures;
    this.link = link;
    compareAndSet.load(link.sync());
    touch.load(link.sync());
    releaseLease.load(link.sync());
    lockAcquire.load(link.sync());
    lockRelease.load(link.sync());
    lockExtend.load(link.sync());
    this.maxRecordBytes = readMaxBulk(link.sync());
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
    List<RedisURI> uris = RedisUris.of(settings, failures);
    boolean sentinel = RedisUris.isSentinel(settings.url());
    Duration timeout = settings.timeout();
    ClientResources resources = FailFastOptions.clientResources();
    RedisLink link = null;
    try {
      ClientOptions options = FailFastOptions.clientOptions(timeout, trustedCertificates);
      link = RedisLink.open(uris, sentinel, resources, options, timeout);
      link.checkClusterLimits(RedisUris.databaseOf(settings.url()), settings.replicaAcks(), failures);
      return new RedisBackend(settings, serializer, failures, resources, link, uris.get(0), options);
    } catch (RuntimeException e) {
      StoreException failure = failures.translate(e, "connect", null);
      if (link != null) {
        link.close();
        link.shutdown(timeout);
      }
      resources.shutdown(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
      throw failure;
    }
  }

  private static long readMaxBulk(RedisClusterCommands<String, byte[]> commands) {
    try {
      Map<String, String> config = commands.configGet("proto-max-bulk-len");
      String value = config.get("proto-max-bulk-len");
      return value == null ? DEFAULT_MAX_BULK : Long.parseLong(value);
    } catch (RuntimeException e) {
      return DEFAULT_MAX_BULK; // CONFIG may be disabled or denied by an ACL: assume the default
    }
  }

  /**
   * Opens the cache's store: on the shared connection, or, with a near cache, behind a
   * {@link NearStore} on the connection its {@link NearTracking} names.
   *
   * @throws StoreException kind CONFIGURATION for a near cache on a server that cannot track keys
   */
  @Override
  public Store open(StoreContext context) {
    RemoteKeys keys = new RemoteKeys(settings.keyPrefix(), context.cacheName(), serializer);
    NearCacheSettings near = context.nearCache();
    if (near == null) {
      return new RedisStore(this, keys, shared);
    }
    NearTracking tracking = tracking();
    return new NearStore(new RedisStore(this, keys, tracking.calls()), serializer,
        new NearEntries(keys, near, context.nearCounters()), tracking.channel(), context.nearCounters());
  }

  /** The invalidation connection(s) of every near cache of this backend, at the backend's heartbeat. */
  private synchronized NearTracking tracking() {
    if (tracking == null) {
      String prefix = settings.keyPrefix() == null ? RemoteKeys.DEFAULT_PREFIX : settings.keyPrefix();
      Duration heartbeat = settings.nearCache() == null
          ? NearCacheSettings.DEFAULT_HEARTBEAT : settings.nearCache().heartbeat();
      tracking = link.isCluster()
          ? ClusterTracking.open(link, shared, uri, resources, options, prefix, heartbeat, failures)
          : TrackingLink.open(uri, resources, options, heartbeat, failures);
    }
    return tracking;
  }

  /**
   * Tells the listener when one of this backend's connections is active again: Lettuce's
   * {@link ConnectionActivatedEvent}, published once the connection's handshake is done and it
   * accepts commands (the resources, and so the events, are this backend's own).
   */
  @Override
  public void onReconnect(Runnable listener) {
    resources.eventBus().get().filter(ConnectionActivatedEvent.class::isInstance).subscribe(event -> listener.run());
  }

  @Override
  public boolean copiesValues() {
    return true;
  }

  @Override
  public boolean supportsStoreByReference() {
    return false;
  }

  RedisClusterCommands<String, byte[]> sync() {
    return link.sync();
  }

  RedisClusterAsyncCommands<String, byte[]> async() {
    return link.async();
  }

  boolean isCluster() {
    return link.isCluster();
  }

  /** Returns whether writes wait for replicas ({@code replica_acks} above 0); see {@link #awaitReplicas}. */
  boolean waitsForReplicas() {
    return settings.replicaAcks() > 0;
  }

  /**
   * Waits until {@code replica_acks} replicas have every write sent so far on the connection
   * (WAIT counts the writes of the connection it runs on); does nothing when {@code replica_acks} is 0.
   *
   * @throws StoreException kind TIMEOUT when fewer replicas confirmed within half the timeout
   */
  void awaitReplicas(RedisClusterCommands<String, byte[]> connection, String operation, Object key) {
    int wanted = settings.replicaAcks();
    if (wanted == 0) {
      return;
    }
    long waitMillis = Math.max(1, settings.timeout().toMillis() / 2);
    long acked;
    try {
      acked = connection.waitForReplication(wanted, waitMillis);
    } catch (RuntimeException e) {
      throw failures.translate(e, operation + " (WAIT for " + wanted + " replicas)", key);
    }
    if (acked < wanted) {
      throw new StoreException(Kind.TIMEOUT, failures.describe(operation + (key == null ? "" : " of key '" + key + "'")
          + " reached the master, but only " + acked + " of " + wanted + " replicas acknowledged it within "
          + waitMillis + " ms (replica_acks: " + wanted + "), so a failover could lose it. Fix: check that the"
          + " replicas are connected and keeping up (INFO replication), or lower replica_acks"));
    }
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

  RedisScript releaseLeaseScript() {
    return releaseLease;
  }

  @Override
  public LockStore locks(String keyPrefix) {
    return new RedisLocks(sync(), failures, keyPrefix, lockAcquire, lockRelease, lockExtend);
  }

  @Override
  public TagStore tags(String keyPrefix) {
    return new RedisTags(this, keyPrefix);
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
    for (Runnable step : List.<Runnable>of(this::closeTracking, link::close,
        () -> link.shutdown(settings.timeout()),
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

  private synchronized void closeTracking() {
    if (tracking != null) {
      tracking.close();
    }
  }

  @Override
  public String toString() {
    return "RedisBackend[" + settings.name() + ", " + failures.maskedUrl() + "]";
  }
}
