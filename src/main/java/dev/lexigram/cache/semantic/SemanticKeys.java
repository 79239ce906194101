package dev.lexigram.cache.semantic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The keys of a semantic cache's entries, in its own cache {@code semantic.<name>}: a record's key
 * is {@code a:} and 128 bits of the SHA-256 of its partition and normalized prompt, in hex. A
 * record holds its prompt and partition, and a read checks them, so a collision of keys would only
 * ever miss.
 */
final class SemanticKeys {
  private SemanticKeys() {}

  static String record(String partition, String normalized) {
    MessageDigest sha = PromptNormalizer.sha256();
    sha.update(partition.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(normalized.getBytes(StandardCharsets.UTF_8));
    return "a:" + HexFormat.of().formatHex(sha.digest(), 0, 16);
  }
}
