package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A packaged application hands its configuration over as a {@code jar:} URI (Spring Boot does). */
class JarConfigUriTest {

  @TempDir
  Path dir;

  @Test
  void load_jarUri_readsTheEntry() throws Exception {
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("config/lexigram-cache.yaml"));
      OutputStream entry = out;
      entry.write("cache:\n  backends:\n    - name: packaged\n      type: memory\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    URI uri = URI.create("jar:" + jar.toUri() + "!/config/lexigram-cache.yaml");
    LexigramSettings settings = ConfigLoader.load(uri, getClass().getClassLoader(), Map.of(), new Properties());
    assertThat(settings.defaultBackend().name()).isEqualTo("packaged");
    assertThat(settings.source()).startsWith("jar:");
  }
}
