package dev.lexigram.cache.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Loads configuration written by a test: YAML files in a temporary directory, an explicit
 * environment and system properties, and a class loader that sees only the client classes the
 * test names (generated empty classes), so results never depend on the real class path.
 */
final class ConfigFixture {
  static final String LETTUCE = "io.lettuce.core.RedisClient";
  static final String SPYMEMCACHED = "net.spy.memcached.MemcachedClient";
  static final String KRYO = "com.esotericsoftware.kryo.Kryo";

  private final Path dir;
  private final Map<String, String> env = new HashMap<>();
  private final Properties systemProperties = new Properties();
  private ClassLoader loader = clients(LETTUCE, SPYMEMCACHED, KRYO);

  ConfigFixture(Path dir) {
    this.dir = dir;
  }

  ConfigFixture env(String name, String value) {
    env.put(name, value);
    return this;
  }

  ConfigFixture property(String name, String value) {
    systemProperties.setProperty(name, value);
    return this;
  }

  /** Loads with a class loader that sees only these client classes. */
  ConfigFixture clientsOnly(String... classNames) {
    loader = clients(classNames);
    return this;
  }

  ConfigFixture loader(ClassLoader loader) {
    this.loader = loader;
    return this;
  }

  /** Writes {@code yaml} to {@code name} (relative to the temporary directory) and returns it. */
  Path write(String name, String yaml) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LexigramSettings load(URI uri) {
    return ConfigLoader.load(uri, loader, env, systemProperties);
  }

  /** Loads {@code yaml} through a {@code file:} URI. */
  LexigramSettings load(String yaml) {
    return load(write("lexigram-cache-test.yaml", yaml).toUri());
  }

  /** Loads {@code yaml}, asserts that it fails, and returns the failure. */
  InvalidConfigurationException failure(String yaml) {
    return failure(write("lexigram-cache-test.yaml", yaml).toUri());
  }

  InvalidConfigurationException failure(URI uri) {
    var failure = catchThrowableOfType(InvalidConfigurationException.class, () -> load(uri));
    assertThat(failure).as("an InvalidConfigurationException").isNotNull();
    return failure;
  }

  /** A class loader that sees the resources under {@code root} and the given client classes. */
  static ClassLoader resources(Path root, String... clients) {
    try {
      return new URLClassLoader(new URL[] {root.toUri().toURL()}, clients(clients));
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A class loader that sees nothing but empty classes with the given names. */
  static ClassLoader clients(String... classNames) {
    return new StubClassLoader(Set.of(classNames));
  }

  private static final class StubClassLoader extends ClassLoader {
    private final Set<String> stubs;

    StubClassLoader(Set<String> stubs) {
      super("lexigram-test-stubs", null);
      this.stubs = stubs;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (!stubs.contains(name)) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = emptyClass(name);
      return defineClass(name, bytes, 0, bytes.length);
    }

    /** The class file of {@code public class <name> extends Object {}} without members. */
    private static byte[] emptyClass(String name) {
      try (var bytes = new ByteArrayOutputStream(); var out = new DataOutputStream(bytes)) {
        out.writeInt(0xCAFEBABE);
        out.writeShort(0); // minor version
        out.writeShort(52); // Java 8
        out.writeShort(5); // constant pool size + 1
        out.writeByte(7); // #1 Class -> #2
        out.writeShort(2);
        out.writeByte(1); // #2 Utf8 this class
        out.writeUTF(name.replace('.', '/'));
        out.writeByte(7); // #3 Class -> #4
        out.writeShort(4);
        out.writeByte(1); // #4 Utf8 super class
        out.writeUTF("java/lang/Object");
        out.writeShort(0x0021); // public super
        out.writeShort(1); // this
        out.writeShort(3); // super
        out.writeShort(0); // interfaces
        out.writeShort(0); // fields
        out.writeShort(0); // methods
        out.writeShort(0); // attributes
        out.flush();
        return bytes.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
