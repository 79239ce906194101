package dev.lexigram.cache.jcache;

import dev.lexigram.cache.config.ServiceSettings;
import dev.lexigram.cache.serial.SerializationException;
import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.serial.SerializerFormat;
import dev.lexigram.cache.serial.Serializers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.cache.CacheException;

/** Builds the manager's serializer from the {@code cache.service} settings. */
final class SerializerSetup {

  private SerializerSetup() {}

  static Serializer create(ServiceSettings service, ClassLoader classLoader) {
    Serializers.Builder builder = Serializers.builder()
        .format(SerializerFormat.valueOf(service.serializer().name()))
        .allowTypes(service.allowedTypes())
        .classLoader(classLoader);
    if (!service.signingKeys().isEmpty()) {
      builder.signingKeys(service.signingKeys().stream().map(SerializerSetup::keyBytes).toList());
    }
    if (service.compressionThreshold() != null) {
      builder.compressAbove(service.compressionThreshold());
    }
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
