package dev.lexigram.cache.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts real memcached servers once per test class and stops exactly those after it. A test
 * class declares how many with {@link Servers} (one by default) and receives them as a
 * {@link MemcachedServers} parameter (constructor, lifecycle or test method), or the first one as
 * a {@link MemcachedServer} parameter. With a {@code saslUsername} the servers require SASL and
 * admit only that user ({@link MemcachedServer#startWithSasl}).
 */
public final class MemcachedServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  /** How many servers a test class needs, with which item size limit, and whether they require SASL. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Inherited
  public @interface Servers {
    /** The number of servers to start. */
    int count() default 1;

    /** The {@code -I} item size limit of every server, e.g. {@code "64k"}; empty for memcached's default. */
    String itemSizeLimit() default "";

    /** The one user the servers admit, over SASL; empty for servers without SASL. */
    String saslUsername() default "";

    /** That user's password. */
    String saslPassword() default "";
  }

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MemcachedServerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Servers declared = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Servers.class).orElse(null);
    int count = declared == null ? 1 : declared.count();
    String limit = (declared == null || declared.itemSizeLimit().isEmpty()) ? null : declared.itemSizeLimit();
    String saslUsername = declared == null ? "" : declared.saslUsername();
    List<MemcachedServer> started = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        started.add(MemcachedServer.start(limit,
            saslUsername.isEmpty() ? null : MemcachedSaslFiles.create(saslUsername, declared.saslPassword())));
      }
    } catch (RuntimeException e) {
      new MemcachedServers(started).stopAll();
      throw e;
    }
    context.getStore(NAMESPACE).put(MemcachedServers.class, new MemcachedServers(started));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    MemcachedServers servers = context.getStore(NAMESPACE).remove(MemcachedServers.class, MemcachedServers.class);
    if (servers != null) {
      servers.stopAll();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MemcachedServers.class || type == MemcachedServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MemcachedServers servers = classContext(context).getStore(NAMESPACE).get(MemcachedServers.class, MemcachedServers.class);
    if (servers == null) {
      throw new IllegalStateException("no memcached servers started for " + context.getDisplayName());
    }
    return parameter.getParameter().getType() == MemcachedServer.class ? servers.get(0) : servers;
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }
}
