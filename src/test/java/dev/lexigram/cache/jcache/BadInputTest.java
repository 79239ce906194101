package dev.lexigram.cache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.config.ConfigLoader;
import dev.lexigram.cache.config.InvalidConfigurationException;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.jcache.spi.LexigramCachingProvider;
import dev.lexigram.cache.serial.SerializationException;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.serial.SerializerFormat;
import dev.lexigram.cache.serial.Serializers;
import dev.lexigram.cache.testing.CacheFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input reaches the user as one clear, typed error that names what is wrong and the fix,
 * through the standard API.
 */
class BadInputTest {

  @TempDir
  Path dir;

  /** Not Serializable: the JDK serializer cannot copy it. */
  static final class Socketish {
    final String host = "db";
  }

  /** A record that nobody put on the allowlist. */
  record Order(String id, long cents) {}

  private LexigramSettings settings(String yaml) throws IOException {
    Path file = dir.resolve("lexigram-cache.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return ConfigLoader.load(file.toUri(), getClass().getClassLoader(), Map.of(), new Properties());
  }

  private static String service(String serializer) {
    return "cache:\n  backends:\n    - name: local\n      type: memory\n  service:\n    serializer: " + serializer + "\n";
  }

  @Test
  void put_valueTheSerializerCannotWrite_namesClassAndFix() throws IOException {
    String yaml = service("java") + "    allowed_types: [\"" + Socketish.class.getName() + "\"]\n";
    try (CacheFixture fixture = new CacheFixture(settings(yaml))) {
      Cache<String, Object> cache = fixture.cache("c", new MutableConfiguration<>());
      assertThatThrownBy(() -> cache.put("k", new Socketish()))
          .isInstanceOf(CacheException.class)
          .hasMessageContaining("Cache 'c'")
          .hasMessageContaining(Socketish.class.getName())
          .hasMessageContaining("Serializable")
          .hasCauseInstanceOf(SerializationException.class);
      assertThat(cache.containsKey("k")).isFalse();
    }
  }

  @Test
  void put_typeNotOnAllowlist_memoryCopiesItWithoutAllowlist() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings(service("json")))) {
      Cache<String, Object> cache = fixture.cache("c", new MutableConfiguration<>());
      Order order = new Order("o-1", 995);
      cache.put("k", order);
      assertThat(cache.get("k")).isEqualTo(order);
    }
  }

  /** Neither Serializable, nor a record, nor a bean: no format can write it. */
  static final class Opaque {
    private final Object lock = new Object();
  }

  @Test
  void put_valueNoFormatCanWrite_namesClassAndFix() throws IOException {
    try (CacheFixture fixture = new CacheFixture(settings("cache:\n  backends:\n    - name: local\n      type: memory\n"))) {
      Cache<String, Object> cache = fixture.cache("c", new MutableConfiguration<>());
      assertThatThrownBy(() -> cache.put("k", new Opaque()))
          .isInstanceOf(CacheException.class)
          .hasMessageContaining(Opaque.class.getName())
          .hasMessageContaining("Fix: implement java.io.Serializable on it, or make it a record");
    }
  }

  @Test
  void put_typeOnAllowlist_roundTripsAsCopy() throws IOException {
    String yaml = service("json") + "    allowed_types: [\"" + Order.class.getName() + "\"]\n";
    try (CacheFixture fixture = new CacheFixture(settings(yaml))) {
      Cache<String, List<Order>> cache = fixture.cache("c", new MutableConfiguration<>());
      List<Order> orders = new java.util.ArrayList<>(List.of(new Order("o-1", 995)));
      cache.put("k", orders);
      orders.add(new Order("o-2", 1));
      assertThat(cache.get("k")).containsExactly(new Order("o-1", 995));
    }
  }

  @Test
  void getCacheManager_brokenConfigFile_namesFileKeyAndFix() throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "cache:\n  backends:\n    - name: local\n      type: memory\n      max_sise: 10\n");
    LexigramCachingProvider provider = new LexigramCachingProvider();
    assertThatThrownBy(() -> provider.getCacheManager(file.toUri(), getClass().getClassLoader()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(file.getFileName().toString())
        .hasMessageContaining("max_sise")
        .hasMessageContaining("max_size");
    provider.close();
  }

  @Test
  void deserialize_unsignedPayloadWhenSigningIsOn_isRejectedAsUnsigned() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    Serializer plain = Serializers.builder().format(SerializerFormat.JSON).build();
    Serializer signed = Serializers.builder().format(SerializerFormat.JSON).signingKeys(List.of(key)).build();
    byte[] unsigned = plain.serialize("hello");
    assertThatThrownBy(() -> signed.deserialize(unsigned))
        .isInstanceOfSatisfying(SerializationException.class,
            e -> assertThat(e.reason()).isEqualTo(SerializationException.Reason.UNSIGNED));
  }
}
