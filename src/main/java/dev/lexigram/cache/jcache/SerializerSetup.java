package dev.lexigram.cache.jcache;

import dev.lexigram.cache.config.ServiceSettings;
import dev.lexigram.cache.serial.SerializationException;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.serial.SerializerFormat;
import dev.lexigram.cache.serial.Serializers;
import dev.lexigram.cache.serial.WrittenTypes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.cache.CacheException;

/**
 * Builds the manager's two serializers from the {@code cache.service} settings: the one for bytes
 * that go to a server and come back (the trust model of {@code docs/security.md}), and the one
 * for store-by-value copies that never leave the process.
 */
final class SerializerSetup {

  private SerializerSetup() {}

  /**
   * Returns the serializer of remote backends. It learns: it reads back the classes this process
   * wrote, the built-in JDK and framework types and {@code allowed_types}, and refuses every other
   * class unread. With signing keys, a payload is read only after its signature is verified, and
   * the same class rules still apply to it.
   */
  static Serializer remote(ServiceSettings service, ClassLoader classLoader, WrittenTypes written) {
    Serializers.Builder builder = base(service, classLoader).trustWrittenTypes(written);
    if (!service.signingKeys().isEmpty()) {
      builder.signingKeys(service.signingKeys().stream().map(SerializerSetup::keyBytes).toList());
    }
    if (service.compressionThreshold() != null) {
      builder.compressAbove(service.compressionThreshold());
    }
    return build(service, builder);
  }

  /**
   * Returns the serializer of store-by-value copies on the memory backend: the configured format
   * with no allowlist (a copy never leaves the process), no signing and no compression.
   */
  static Serializer inProcess(ServiceSettings service, ClassLoader classLoader) {
    return build(service, base(service, classLoader).trustAllTypes());
  }

  private static Serializers.Builder base(ServiceSettings service, ClassLoader classLoader) {
    return Serializers.builder()
        .format(SerializerFormat.valueOf(service.serializer().name()))
        .allowTypes(service.allowedTypes())
        .classLoader(classLoader);
  }

  private static Serializer build(ServiceSettings service, Serializers.Builder builder) {
    try {
      return builder.build();
    } catch (SerializationException | IllegalArgumentException e) {
      throw new CacheException("Cannot set up the " + service.serializer() + " serializer: " + e.getMessage(), e);
    }
  }

  private static byte[] keyBytes(String key) {
    return key.startsWith("base64:")
        ? Base64.getDecoder().decode(key.substring("base64:".length()))
        : key.getBytes(StandardCharsets.UTF_8);
  }
}
