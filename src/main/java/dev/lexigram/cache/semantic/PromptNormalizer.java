package dev.lexigram.cache.semantic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The exact tier's view of a prompt: prompts that differ only in Unicode compatibility forms,
 * letter case or whitespace get the same normalized text, and so the same {@link #exactKey key}.
 *
 * <p>{@link #normalize} applies, in this order:
 * <ol>
 *   <li>Unicode NFKC: full-width letters become ASCII ({@code Ｈｅｌｌｏ} → {@code Hello}), ligatures
 *       are split ({@code ﬁ} → {@code fi}), no-break and ideographic spaces become a plain space;
 *   <li>{@link String#toLowerCase(Locale) toLowerCase(Locale.ROOT)}, so the result never depends on
 *       the default locale (a Turkish default would otherwise turn {@code I} into a dotless
 *       {@code ı});
 *   <li>every run of Unicode {@code White_Space} (tab, newline, NBSP, U+2028, U+3000, …) becomes
 *       one space, and leading and trailing whitespace is removed.
 * </ol>
 *
 * <p>Deliberately simple: lower-casing is not full Unicode case folding, so {@code ß} does not
 * become {@code ss} and a final {@code ς} stays apart from {@code σ}; such pairs, like any
 * paraphrase, are left to the semantic tier. Invisible format characters (zero-width space, soft
 * hyphen) are kept, and punctuation is never touched: {@code "is x safe?"} and {@code "is x safe"}
 * are different exact keys. The result is stable: normalizing it again returns it unchanged.
 *
 * <p>Stateless and thread-safe.
 */
public final class PromptNormalizer {

  private static final Pattern WHITESPACE_RUN = Pattern.compile("\\p{IsWhite_Space}+");

  private PromptNormalizer() {}

  /**
   * Returns the normalized text of a prompt (see the class comment).
   *
   * @throws IllegalArgumentException if the prompt is empty or holds only whitespace
   */
  public static String normalize(String prompt) {
    Objects.requireNonNull(prompt, "prompt");
    String folded = Normalizer.normalize(prompt, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String normalized = WHITESPACE_RUN.matcher(folded).replaceAll(" ").strip();
    if (normalized.isEmpty()) {
      throw new InvalidPromptException(prompt.isEmpty()
          ? "The prompt is empty: a semantic cache needs a prompt with at least one non-whitespace character"
          : "The prompt holds only whitespace (" + prompt.length() + " chars): a semantic cache needs a prompt "
              + "with at least one non-whitespace character");
    }
    return normalized;
  }

  /**
   * Returns the exact-tier key of a normalized prompt: the SHA-256 of its UTF-8 bytes, as 64
   * lower-case hex digits.
   *
   * @param normalized a result of {@link #normalize}
   * @throws IllegalArgumentException if the text is not normalized (hashing a raw prompt would
   *     make a key that its normalized twin never finds)
   */
  public static String exactKey(String normalized) {
    if (!normalize(normalized).equals(normalized)) {
      throw new IllegalArgumentException("exactKey takes a normalized prompt: pass PromptNormalizer.normalize(prompt)");
    }
    return HexFormat.of().formatHex(sha256().digest(normalized.getBytes(StandardCharsets.UTF_8)));
  }

  /** A new SHA-256 digest (every Java platform has one). */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must provide SHA-256", e);
    }
  }
}
