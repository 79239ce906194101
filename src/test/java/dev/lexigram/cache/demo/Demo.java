package dev.lexigram.cache.demo;

import dev.lexigram.cache.LexigramCacheManager;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.integration.CacheLoader;
import javax.cache.management.CacheStatisticsMXBean;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The README's first command: lexigram-cache on the embedded memory default, through nothing
 * but the standard JCache API. Prints what it does and exits 0.
 */
public final class Demo {

  private Demo() {}

  public static void main(String[] args) {
    CacheManager manager = Caching.getCachingProvider().getCacheManager();
    System.out.println("provider:  " + manager.getCachingProvider().getClass().getName());
    System.out.println("config:    " + manager.unwrap(LexigramCacheManager.class).configurationSource());

    MutableConfiguration<String, String> config = new MutableConfiguration<String, String>()
        .setTypes(String.class, String.class)
        .setStatisticsEnabled(true)
        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 300)))
        .setReadThrough(true)
        .setCacheLoaderFactory(FactoryBuilder.factoryOf(GreetingLoader.class));
    Cache<String, String> greetings = manager.createCache("greetings", config);

    long putAt = System.nanoTime(); // before the put, so the wait below is measured from before creation
    greetings.put("en", "hello");
    System.out.println("put en     -> get en = " + greetings.get("en"));
    System.out.println("get fr     -> loaded = " + greetings.get("fr"));
    System.out.println("contains de before get = " + greetings.containsKey("de"));

    Awaitility.await().atMost(5, TimeUnit.SECONDS).pollInterval(20, TimeUnit.MILLISECONDS)
        .until(() -> !greetings.containsKey("en"));
    System.out.printf("expiry     -> 'en' gone %d ms after its put (policy: 300 ms after creation)%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - putAt));
    System.out.println("get en     -> loaded again = " + greetings.get("en"));

    CacheStatisticsMXBean stats = statisticsOf(greetings);
    System.out.printf("statistics -> gets=%d hits=%d misses=%d puts=%d hit%%=%.1f%n",
        stats.getCacheGets(), stats.getCacheHits(), stats.getCacheMisses(), stats.getCachePuts(),
        stats.getCacheHitPercentage());
    manager.close();
    System.out.println("closed     -> manager.isClosed() = " + manager.isClosed());
  }

  private static CacheStatisticsMXBean statisticsOf(Cache<?, ?> cache) {
    try {
      javax.management.ObjectName name = new javax.management.ObjectName(
          "javax.cache:type=CacheStatistics,CacheManager="
              + cache.getCacheManager().getURI().toString().replaceAll("[:=,\n]", ".")
              + ",Cache=" + cache.getName());
      return javax.management.JMX.newMXBeanProxy(
          java.lang.management.ManagementFactory.getPlatformMBeanServer(), name, CacheStatisticsMXBean.class);
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A loader that answers a greeting for a language code. */
  public static final class GreetingLoader implements CacheLoader<String, String> {
    private static final Map<String, String> GREETINGS = Map.of("en", "hello", "fr", "bonjour", "de", "hallo");

    @Override
    public String load(String key) {
      return GREETINGS.getOrDefault(key, "?");
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      Map<String, String> result = new HashMap<>();
      keys.forEach(key -> result.put(key, load(key)));
      return result;
    }
  }
}
