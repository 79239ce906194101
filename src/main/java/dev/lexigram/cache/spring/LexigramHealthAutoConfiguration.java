package dev.lexigram.cache.spring;

import dev.lexigram.cache.LexigramCacheManager;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.cache.CacheAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.cache.jcache.JCacheCacheManager;

/**
 * Adds {@link LexigramHealthIndicator} ({@code /actuator/health} component {@code lexigramCache})
 * when Actuator is on the class path and Spring's cache abstraction runs on a lexigram-cache JCache
 * manager; {@code management.health.lexigram-cache.enabled=false} turns it off.
 */
@AutoConfiguration(after = CacheAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, JCacheCacheManager.class, LexigramCacheManager.class})
@ConditionalOnBean(JCacheCacheManager.class)
@ConditionalOnProperty(prefix = "management.health.lexigram-cache", name = "enabled", matchIfMissing = true)
public class LexigramHealthAutoConfiguration {

  /** The indicator, or none when the JCache manager is another provider's. */
  @Bean
  public HealthIndicator lexigramCacheHealthIndicator(JCacheCacheManager spring) {
    javax.cache.CacheManager manager = spring.getCacheManager();
    if (manager == null || !isLexigram(manager)) {
      return () -> org.springframework.boot.actuate.health.Health.unknown()
          .withDetail("reason", "the JCache manager is not lexigram-cache's").build();
    }
    return new LexigramHealthIndicator(manager.unwrap(LexigramCacheManager.class));
  }

  private static boolean isLexigram(javax.cache.CacheManager manager) {
    try {
      manager.unwrap(LexigramCacheManager.class);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
