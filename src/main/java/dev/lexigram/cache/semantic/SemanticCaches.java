package dev.lexigram.cache.semantic;

import dev.lexigram.cache.LexigramCache;
import dev.lexigram.cache.Result;
import dev.lexigram.cache.SemanticCache;
import dev.lexigram.cache.config.SemanticSettings;
import dev.lexigram.cache.semantic.embed.EmbeddingModels;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The semantic caches of one cache manager, each opened on first use and kept for the manager's
 * life.
 */
public final class SemanticCaches {

  /** What a semantic cache needs of its manager. */
  public interface Host {
    /** Returns the extension view of the cache of this name on this backend, creating it if needed. */
    LexigramCache<String, Object> store(String cacheName, String backend);

    /** Returns whether other processes may share the backend. */
    boolean shared(String backend);

    /** Invalidates tags on the backend. */
    Result<Void> invalidateTags(String backend, String... tags);

    Executor executor();

    ClassLoader classLoader();
  }

  private final Map<String, SemanticSettings> declared;
  private final String defaultBackend;
  private final Host host;
  private final Clock clock;
  private final Map<String, SemanticCache> open = new ConcurrentHashMap<>();

  public SemanticCaches(Map<String, SemanticSettings> declared, String defaultBackend, Host host, Clock clock) {
    this.declared = declared;
    this.defaultBackend = defaultBackend;
    this.host = host;
    this.clock = clock;
  }

  /**
   * Returns the semantic cache declared under this name, opening it on first use (which loads the
   * embedding model, and on a shared backend indexes the answers other processes stored).
   *
   * @throws IllegalArgumentException if no semantic cache of that name is declared
   * @throws dev.lexigram.cache.semantic.embed.EmbeddingException if the model cannot be loaded
   */
  public SemanticCache get(String name) {
    SemanticSettings settings = declared.get(name);
    if (settings == null) {
      throw new IllegalArgumentException("No semantic cache named '" + name + "' is declared; declared: "
          + declared.keySet() + ". Fix: add it under cache.semantic, e.g. semantic: { " + name
          + ": { backend: shared } }");
    }
    return open.computeIfAbsent(name, n -> openCache(settings));
  }

  /** Returns the backend a declared semantic cache lives on. */
  public String backendOf(String name) {
    SemanticSettings settings = declared.get(name);
    return settings == null || settings.backend() == null ? defaultBackend : settings.backend();
  }

  /** The name of the cache that holds a semantic cache's records. */
  public static String storeName(String semanticName) {
    return "semantic." + semanticName;
  }

  private SemanticCache openCache(SemanticSettings settings) {
    String backend = settings.backend() == null ? defaultBackend : settings.backend();
    var embedder = EmbeddingModels.open(settings.model(), settings.maxPromptChars(), host.classLoader());
    return new SemanticCacheImpl(settings, host.store(storeName(settings.name()), backend), embedder,
        host.shared(backend), tags -> host.invalidateTags(backend, tags), host.executor(), clock);
  }
}
