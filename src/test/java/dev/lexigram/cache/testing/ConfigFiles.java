package dev.lexigram.cache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configuration files the tests write for a cache manager to open; deleted when the JVM exits. */
public final class ConfigFiles {

  private ConfigFiles() {}

  /** Writes the YAML to a new temporary file named after the backend and returns its URI. */
  public static URI writeTemporary(String backendName, CharSequence yaml) {
    try {
      Path file = Files.createTempFile("lexigram-" + backendName + "-", ".yaml");
      file.toFile().deleteOnExit();
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return file.toUri();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
