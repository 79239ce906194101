package dev.lexigram.cache.testing;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the Redis setups a test class asks for, once per class, and stops exactly those
 * processes after its last test. A test constructor or method (or a static {@code @BeforeAll}
 * method) receives a {@link RedisServer} (a plain server), a {@link RedisClusterServers} (a
 * three-master cluster) or a {@link RedisSentinelServers} (master, replica and Sentinel) as a
 * parameter; each setup starts when first asked for.
 */
public final class RedisServerExtension implements AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisServerExtension.class);
  private static final Map<Class<?>, Supplier<AutoCloseable>> SETUPS = Map.of(
      RedisServer.class, RedisServer::start,
      RedisClusterServers.class, RedisClusterServers::start,
      RedisSentinelServers.class, RedisSentinelServers::start);

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Exception failure = null;
    for (Class<?> type : SETUPS.keySet()) {
      AutoCloseable setup = (AutoCloseable) context.getStore(NAMESPACE).remove(type);
      if (setup == null) {
        continue;
      }
      try {
        setup.close();
      } catch (Exception e) {
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

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return SETUPS.containsKey(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return classContext(context).getStore(NAMESPACE).getOrComputeIfAbsent(type, key -> SETUPS.get(type).get());
  }

  /** Returns the context of the test class, where setups live for all of its tests. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }
}
