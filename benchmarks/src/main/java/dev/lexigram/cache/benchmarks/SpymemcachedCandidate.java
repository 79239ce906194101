package dev.lexigram.cache.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.spy.memcached.CachedData;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.ConnectionFactoryBuilder.Protocol;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.transcoders.Transcoder;

/**
 * The plain client with spymemcached's defaults (get merging off; lexigram's reading client turns it
 * on): a {@code MemcachedClient} on the binary
 * protocol (as lexigram's memcached backend uses), {@code get}, {@code set} (waiting for the
 * server's answer, as a JCache put does) and {@code getBulk} of the raw value bytes through a
 * pass-through transcoder: no record format, no serializer.
 */
final class SpymemcachedCandidate implements RemoteCandidate {

  private static final long TIMEOUT_MILLIS = 2_000; // lexigram's default remote timeout

  private final MemcachedClient client;

  SpymemcachedCandidate(String host, int port) {
    try {
      client = new MemcachedClient(new ConnectionFactoryBuilder()
          .setProtocol(Protocol.BINARY)
          .setOpTimeout(TIMEOUT_MILLIS)
          .setDaemon(true)
          .build(), List.of(new InetSocketAddress(host, port)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] get(String key) {
    return client.get(key, Bytes.INSTANCE);
  }

  @Override
  public void put(String key, byte[] value) {
    Boolean stored;
    try {
      stored = client.set(key, 0, value, Bytes.INSTANCE).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during set of '" + key + "'", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("set of '" + key + "' failed: " + e, e);
    }
    if (!Boolean.TRUE.equals(stored)) {
      throw new IllegalStateException("set of '" + key + "' was not stored");
    }
  }

  @Override
  public Map<String, byte[]> getAll(KeyGroup group) {
    return client.getBulk(group.set(), Bytes.INSTANCE);
  }

  @Override
  public void close() {
    client.shutdown(2, TimeUnit.SECONDS);
  }

  /** Hands byte arrays to spymemcached and back untouched. */
  private enum Bytes implements Transcoder<byte[]> {
    INSTANCE;

    @Override
    public boolean asyncDecode(CachedData data) {
      return false;
    }

    @Override
    public CachedData encode(byte[] bytes) {
      return new CachedData(0, bytes, CachedData.MAX_SIZE);
    }

    @Override
    public byte[] decode(CachedData data) {
      return data.getData();
    }

    @Override
    public int getMaxSize() {
      return CachedData.MAX_SIZE;
    }
  }
}
