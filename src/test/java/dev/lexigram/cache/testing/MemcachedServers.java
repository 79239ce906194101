package dev.lexigram.cache.testing;

import java.util.List;

/**
 * The memcached servers a test class runs against, in start order, as injected by
 * {@link MemcachedServerExtension}.
 */
public record MemcachedServers(List<MemcachedServer> all) {

  public MemcachedServers {
    all = List.copyOf(all);
  }

  public MemcachedServer get(int index) {
    return all.get(index);
  }

  /** Returns every server's {@code host:port}, for a backend's {@code servers} list. */
  public List<String> addresses() {
    return all.stream().map(MemcachedServer::address).toList();
  }

  /** Stops every server that is still running; each stop is attempted even if one fails. */
  void stopAll() {
    RuntimeException failure = null;
    for (MemcachedServer server : all) {
      try {
        server.stop();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
