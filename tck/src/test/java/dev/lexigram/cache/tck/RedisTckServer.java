package dev.lexigram.cache.tck;

import dev.lexigram.cache.testing.RedisServer;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the redis server a TCK run against the redis backend needs, before any test class
 * loads, when the run sets {@code lexigram.tck.server=redis}, and publishes its URL as the system
 * property {@value #URL_PROPERTY} that {@code tck/redis.yaml} reads; stops exactly that process
 * when the session ends. Other runs are left alone.
 */
public final class RedisTckServer implements LauncherSessionListener {

  static final String URL_PROPERTY = "LEXIGRAM_TCK_REDIS_URL";

  private RedisServer server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!"redis".equals(System.getProperty("lexigram.tck.server"))) {
      return;
    }
    server = RedisServer.start();
    System.setProperty(URL_PROPERTY, server.url());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (server != null) {
      server.stop();
      System.clearProperty(URL_PROPERTY);
      server = null;
    }
  }
}
