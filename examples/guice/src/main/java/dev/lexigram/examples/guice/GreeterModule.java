package dev.lexigram.examples.guice;

import com.google.inject.AbstractModule;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.jsr107.ri.annotations.guice.module.CacheAnnotationsModule;

/** Installs the JSR-107 annotation interceptors; the caches come from lexigram-cache.yaml. */
public class GreeterModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new CacheAnnotationsModule());
    bind(CacheManager.class).toProvider(() -> Caching.getCachingProvider().getCacheManager());
    bind(Greeter.class);
  }
}
