package dev.lexigram.cache.tck;

import dev.lexigram.cache.testing.MemcachedServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the two memcached servers a TCK run against the memcached backend needs, before any test
 * class loads, when the run sets {@code lexigram.tck.server=memcached}, and names them in the
 * system properties {@code LEXIGRAM_TCK_MEMCACHED_1} and {@code _2} that {@code tck/memcached.yaml}
 * reads; stops exactly those processes when the session ends. Other runs are left alone.
 */
public final class MemcachedTckServer implements LauncherSessionListener {

  private final List<MemcachedServer> servers = new ArrayList<>();

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!"memcached".equals(System.getProperty("lexigram.tck.server"))) {
      return;
    }
    for (int i = 1; i <= 2; i++) {
      MemcachedServer server = MemcachedServer.start();
      servers.add(server);
      System.setProperty("LEXIGRAM_TCK_MEMCACHED_" + i, server.address());
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    servers.forEach(MemcachedServer::stop);
    servers.clear();
  }
}
