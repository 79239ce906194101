package dev.lexigram.cache.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks {@code cache.service}: the serializer's client jar, the shape of each allowed type, and
 * the length of each signing key (which is never shown in a message).
 */
final class ServiceRules {
  static final int MIN_KEY_BYTES = 32;
  static final String BASE64_PREFIX = "base64:";

  private static final String PATH = "cache.service";
  private static final Pattern TYPE_OR_GLOB = Pattern.compile(
      "[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*(\\.\\*\\*?)?");
  private static final String KEY_FIX = "generate one with 'openssl rand -base64 32' and write it "
      + "as base64:<output>, preferably through a placeholder such as ${LEX_CACHE_SIGNING_KEY}";

  private final ConfigErrors errors;
  private final ClassLoader loader;

  ServiceRules(ConfigErrors errors, ClassLoader loader) {
    this.errors = errors;
    this.loader = loader;
  }

  void check(ServiceSettings service) {
    if (service.serializer() == SerializerKind.KRYO && !ClientJar.KRYO.isPresent(loader)) {
      throw ClientJar.KRYO.missing(errors, PATH + ".serializer", "serializer kryo");
    }
    allowedTypes(service.allowedTypes());
    signingKeys(service.signingKeys());
  }

  private void allowedTypes(List<String> types) {
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i).trim();
      if (!TYPE_OR_GLOB.matcher(type).matches()) {
        throw errors.at(PATH + ".allowed_types[" + i + "]",
            "'" + type + "' is not a class name or package glob",
            "write a class name such as com.acme.Product, com.acme.* for one package or com.acme.** "
                + "for a package and its subpackages");
      }
    }
  }

  private void signingKeys(List<String> keys) {
    for (int i = 0; i < keys.size(); i++) {
      String key = PATH + ".signing_keys[" + i + "]";
      int length = byteLength(keys.get(i), key);
      if (length < MIN_KEY_BYTES) {
        throw errors.at(key, "the signing key is " + length
            + " bytes; signing keys must be at least " + MIN_KEY_BYTES + " bytes", KEY_FIX);
      }
    }
  }

  private int byteLength(String secret, String key) {
    if (!secret.startsWith(BASE64_PREFIX)) {
      return secret.getBytes(StandardCharsets.UTF_8).length;
    }
    try {
      return Base64.getDecoder().decode(secret.substring(BASE64_PREFIX.length()).trim()).length;
    } catch (IllegalArgumentException e) {
      throw errors.at(key, "the text after 'base64:' is not valid base64", KEY_FIX);
    }
  }
}
