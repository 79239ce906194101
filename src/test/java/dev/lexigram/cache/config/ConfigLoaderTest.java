package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@link ConfigLoader} finds the configuration, and in which order. */
class ConfigLoaderTest {
  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  /** A configuration whose single backend's name says which file was read. */
  private static String named(String backend) {
    return """
        cache:
          backends:
            - name: %s
              type: memory
        """.formatted(backend);
  }

  private Path resourceRoot() {
    fixture.write("res/lexigram-cache.yaml", named("fromResource"));
    fixture.write("res/conf/custom.yaml", named("fromCustomResource"));
    return dir.resolve("res");
  }

  @Test
  void load_classpathUri_readsThatResource() {
    fixture.loader(ConfigFixture.resources(resourceRoot()));

    LexigramSettings settings = fixture.load(URI.create("classpath:conf/custom.yaml"));

    assertThat(settings.source()).isEqualTo("classpath:conf/custom.yaml");
    assertThat(settings.defaultBackend().name()).isEqualTo("fromCustomResource");
  }

  @Test
  void load_classpathUriWithLeadingSlash_readsThatResource() {
    fixture.loader(ConfigFixture.resources(resourceRoot()));

    LexigramSettings settings = fixture.load(URI.create("classpath:/conf/custom.yaml"));

    assertThat(settings.defaultBackend().name()).isEqualTo("fromCustomResource");
  }

  @Test
  void load_fileUri_readsThatFile() {
    Path file = fixture.write("app/cache.yaml", named("fromFile"));

    LexigramSettings settings = fixture.load(file.toUri());

    assertThat(settings.source()).isEqualTo("file:" + file.toAbsolutePath());
    assertThat(settings.defaultBackend().name()).isEqualTo("fromFile");
  }

  @Test
  void load_classpathUriOfMissingResource_failsNamingIt() {
    var failure = fixture.failure(URI.create("classpath:missing.yaml"));

    assertThat(failure.source()).isEqualTo("classpath:missing.yaml");
    assertThat(failure).hasMessageContaining("CacheManager URI classpath:missing.yaml: resource not found");
  }

  @Test
  void load_fileUriOfMissingFile_failsNamingIt() {
    Path missing = dir.resolve("nope.yaml");

    var failure = fixture.failure(missing.toUri());

    assertThat(failure.source()).isEqualTo("file:" + missing);
    assertThat(failure).hasMessageContaining("file not found. Fix: create the file");
  }

  @Test
  void load_uriAndSystemProperty_prefersUri() {
    Path fromUri = fixture.write("uri.yaml", named("fromUri"));
    Path fromProperty = fixture.write("property.yaml", named("fromProperty"));
    fixture.property("lexigram.cache.config", fromProperty.toString());

    assertThat(fixture.load(fromUri.toUri()).defaultBackend().name()).isEqualTo("fromUri");
  }

  @Test
  void load_uriThatIsOnlyAName_fallsThroughToSystemProperty() {
    Path fromProperty = fixture.write("property.yaml", named("fromProperty"));
    fixture.property("lexigram.cache.config", fromProperty.toString());

    LexigramSettings settings = fixture.load(URI.create("urn:lexigram:default"));

    assertThat(settings.defaultBackend().name()).isEqualTo("fromProperty");
  }

  @Test
  void load_systemPropertyAndEnvVariable_prefersSystemProperty() {
    fixture.property("lexigram.cache.config", fixture.write("p.yaml", named("fromProperty")).toString());
    fixture.env("LEX_CACHE_CONFIG", fixture.write("e.yaml", named("fromEnv")).toString());

    assertThat(fixture.load((URI) null).defaultBackend().name()).isEqualTo("fromProperty");
  }

  @Test
  void load_systemPropertyWithFileUri_readsThatFile() {
    Path file = fixture.write("p.yaml", named("fromProperty"));
    fixture.property("lexigram.cache.config", "file:" + file.toAbsolutePath());

    assertThat(fixture.load(URI.create("otherURI")).defaultBackend().name()).isEqualTo("fromProperty");
  }

  @Test
  void load_systemPropertyWithTripleSlashFileUri_readsThatFile() {
    Path file = fixture.write("p.yaml", named("fromProperty"));
    String uri = file.toUri().toString();
    assertThat(uri).startsWith("file:///");
    fixture.property("lexigram.cache.config", uri);

    assertThat(fixture.load((URI) null).defaultBackend().name()).isEqualTo("fromProperty");
  }

  @Test
  void load_systemPropertyNamingMissingFile_failsNamingPropertyAndFile() {
    fixture.property("lexigram.cache.config", dir.resolve("absent.yaml").toString());

    var failure = fixture.failure((URI) null);

    assertThat(failure.source()).isEqualTo("file:" + dir.resolve("absent.yaml"));
    assertThat(failure.key()).isEqualTo("system property lexigram.cache.config");
    assertThat(failure.fix()).contains("correct the system property lexigram.cache.config");
  }

  @Test
  void load_blankSystemProperty_isIgnored() {
    fixture.property("lexigram.cache.config", "  ");
    fixture.env("LEX_CACHE_CONFIG", fixture.write("e.yaml", named("fromEnv")).toString());

    assertThat(fixture.load((URI) null).defaultBackend().name()).isEqualTo("fromEnv");
  }

  @Test
  void load_envVariableWithPlainPath_readsThatFile() {
    Path file = fixture.write("e.yaml", named("fromEnv"));
    fixture.env("LEX_CACHE_CONFIG", file.toString());

    LexigramSettings settings = fixture.load((URI) null);

    assertThat(settings.defaultBackend().name()).isEqualTo("fromEnv");
    assertThat(settings.source()).isEqualTo("file:" + file.toAbsolutePath());
  }

  @Test
  void load_envVariableWithClasspath_readsThatResource() {
    fixture.loader(ConfigFixture.resources(resourceRoot()));
    fixture.env("LEX_CACHE_CONFIG", "classpath:conf/custom.yaml");

    assertThat(fixture.load((URI) null).defaultBackend().name()).isEqualTo("fromCustomResource");
  }

  @Test
  void load_envVariableAndResource_prefersEnvVariable() {
    fixture.loader(ConfigFixture.resources(resourceRoot()));
    fixture.env("LEX_CACHE_CONFIG", fixture.write("e.yaml", named("fromEnv")).toString());

    assertThat(fixture.load((URI) null).defaultBackend().name()).isEqualTo("fromEnv");
  }

  @Test
  void load_resourceOnClassLoader_readsIt() {
    fixture.loader(ConfigFixture.resources(resourceRoot()));

    LexigramSettings settings = fixture.load(URI.create("urn:lexigram:default"));

    assertThat(settings.source()).isEqualTo("classpath:lexigram-cache.yaml");
    assertThat(settings.defaultBackend().name()).isEqualTo("fromResource");
  }

  @Test
  void load_nothingFound_returnsBuiltInDefault() {
    LexigramSettings settings = fixture.load((URI) null);

    assertThat(settings).isEqualTo(LexigramSettings.defaults());
    assertThat(settings.source()).isEqualTo("built-in default");
    assertThat(settings.backends()).singleElement().satisfies(b -> {
      assertThat(b.name()).isEqualTo("default");
      assertThat(b.type()).isEqualTo(BackendType.MEMORY);
      assertThat(b.maxSize()).isNull();
      assertThat(b.defaultTtl()).isNull();
    });
  }

  @Test
  void load_fileWithoutBackends_getsBuiltInMemoryBackend() {
    LexigramSettings settings = fixture.load("""
        cache:
          service:
            enable_protection: false
        """);

    assertThat(settings.backends()).isEqualTo(LexigramSettings.defaults().backends());
    assertThat(settings.service().enableProtection()).isFalse();
  }

  @Test
  void load_twoArgumentForm_readsGivenFile() {
    Path file = fixture.write("two.yaml", named("twoArgs"));

    LexigramSettings settings = ConfigLoader.load(file.toUri(), ConfigFixture.clients());

    assertThat(settings.defaultBackend().name()).isEqualTo("twoArgs");
  }

  @Test
  void load_nullClassLoader_throwsNullPointerException() {
    assertThatThrownBy(() -> ConfigLoader.load(null, null, Map.of(), new Properties()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("classLoader");
  }
}
