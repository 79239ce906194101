package dev.lexigram.cache.semantic.embed;

import dev.lexigram.cache.config.SemanticSettings;

/**
 * Opens the embedding model a semantic cache names: the default model (loaded once per JVM and
 * shared: it is immutable and thread-safe), or a langchain4j {@code EmbeddingModel} class with a
 * public no-argument constructor. A missing jar is an {@link EmbeddingException} naming the
 * artifact to add.
 */
public final class EmbeddingModels {
  static final String CORE_ARTIFACT = "dev.langchain4j:langchain4j-core";
  private static volatile Embedder defaultModel;

  private EmbeddingModels() {}

  /**
   * Returns the embedder of a semantic cache's {@code model}.
   *
   * @throws EmbeddingException if the model cannot be found or loaded
   */
  public static Embedder open(String model, int maxPromptChars, ClassLoader loader) {
    requireCore(loader);
    if (model.equals(SemanticSettings.DEFAULT_MODEL)) {
      return defaultModel(loader);
    }
    return custom(model, maxPromptChars, loader);
  }

  private static Embedder defaultModel(ClassLoader loader) {
    Embedder loaded = defaultModel;
    if (loaded == null) {
      synchronized (EmbeddingModels.class) {
        loaded = defaultModel;
        if (loaded == null) {
          loaded = MiniLmModel.load(loader);
          defaultModel = loaded;
        }
      }
    }
    return loaded;
  }

  private static Embedder custom(String className, int maxPromptChars, ClassLoader loader) {
    Object instance;
    try {
      Class<?> type = Class.forName(className, true, loader);
      instance = type.getConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new EmbeddingException("The embedding model class " + className + " is not on the class path. Fix: "
          + "add its jar, or set model to " + SemanticSettings.DEFAULT_MODEL + " (the default)", e);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new EmbeddingException("Cannot create the embedding model " + className + " with its public "
          + "no-argument constructor: " + e, e);
    }
    if (!(instance instanceof dev.langchain4j.model.embedding.EmbeddingModel embeddingModel)) {
      throw new EmbeddingException("The model class " + className + " is not a langchain4j EmbeddingModel "
          + "(dev.langchain4j.model.embedding.EmbeddingModel)");
    }
    return new LangchainEmbedder(embeddingModel, className, maxPromptChars);
  }

  private static void requireCore(ClassLoader loader) {
    try {
      Class.forName("dev.langchain4j.model.embedding.EmbeddingModel", false, loader);
    } catch (ClassNotFoundException e) {
      throw new EmbeddingException("A semantic cache needs langchain4j on the class path. Fix: add the dependencies "
          + CORE_ARTIFACT + " and " + MiniLmModel.ARTIFACT + " (the default model), or another langchain4j "
          + "embedding model", e);
    }
  }
}
