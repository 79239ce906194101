package dev.lexigram.cache.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link RedisServer} per test class, before its first test, and stops exactly that
 * process after its last. Test constructors and methods receive it as a {@link RedisServer}
 * parameter.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisServerExtension.class);
  private static final String KEY = "server";

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put(KEY, RedisServer.start());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    RedisServer server = context.getStore(NAMESPACE).remove(KEY, RedisServer.class);
    if (server != null) {
      server.stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RedisServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get(KEY, RedisServer.class);
  }
}
