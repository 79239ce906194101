package dev.lexigram.cache.tck;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.annotation.BeanProvider;
import manager.CacheNameOnEachMethodBlogManagerImpl;
import manager.ClassLevelCacheConfigBlogManagerImpl;
import manager.UsingDefaultCacheNameBlogManagerImpl;
import org.jsr107.ri.annotations.guice.module.CacheAnnotationsModule;

/**
 * Gives the TCK's annotation tests their blog managers, intercepted by the JSR-107 annotation
 * RI for Guice and backed by our default cache manager. Without a {@link BeanProvider} the TCK
 * skips those tests silently, so this class is what makes them run.
 */
public final class GuiceAnnotationBeans implements BeanProvider {

  private final Injector injector = Guice.createInjector(new BlogModule());

  @Override
  public <T> T getBeanByType(Class<T> beanClass) {
    return injector.getInstance(beanClass);
  }

  private static final class BlogModule extends AbstractModule {
    @Override
    protected void configure() {
      install(new CacheAnnotationsModule());
      bind(CacheNameOnEachMethodBlogManagerImpl.class);
      bind(ClassLevelCacheConfigBlogManagerImpl.class);
      bind(UsingDefaultCacheNameBlogManagerImpl.class);
      bind(CacheManager.class).toProvider(() -> Caching.getCachingProvider().getCacheManager());
    }
  }
}
