package dev.lexigram.cache.backend.redis;

import dev.lexigram.cache.store.StoreBackend;
import dev.lexigram.cache.store.StoreException;

/**
 * The JVM of {@link RedisBadInputIT#unknownHost_failsAsConnectionError_namingTheHostAndAFix}: it opens
 * a redis backend whose url names a host that does not resolve and prints the failure's kind and
 * message. {@code RedisBadInputIT} starts it with {@code -Djdk.net.hosts.file} naming a file that
 * holds only loopback names, so the JVM answers every other name "unknown" itself and no query
 * leaves the machine.
 *
 * <p>Argument: the url. Exit status 0 with {@code KIND message} on standard output when the
 * backend failed with a {@link StoreException}; 1 when it opened.
 */
public final class UnknownHostProcess {

  private UnknownHostProcess() {}

  public static void main(String[] args) {
    try (StoreBackend backend = RedisStores.backend(RedisStoreIT.settings(args[0]), RedisStoreIT.serializer())) {
      System.out.println("OPENED " + backend);
      System.exit(1);
    } catch (StoreException e) {
      System.out.println(e.kind() + " " + e.getMessage());
    }
  }
}
