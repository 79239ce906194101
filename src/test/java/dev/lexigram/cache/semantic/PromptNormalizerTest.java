package dev.lexigram.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the exact tier treats as the same prompt, and the key it derives. */
class PromptNormalizerTest {

  @Test
  void normalize_fullWidthLetters_becomeAscii() {
    assertThat(PromptNormalizer.normalize("Ｗｈａｔ ｉｓ ＪＡＶＡ？")).isEqualTo("what is java?");
  }

  @Test
  void normalize_ligature_isSplit() {
    assertThat(PromptNormalizer.normalize("\uFB01nd the \uFB02ight")).isEqualTo("find the flight");
  }

  @Test
  void normalize_compatibilityForms_matchTheirPlainLetters() {
    // superscript two, circled digit one, Kelvin sign, composed and decomposed é
    assertThat(PromptNormalizer.normalize("x\u00B2 \u2460 \u212A caf\u00E9"))
        .isEqualTo(PromptNormalizer.normalize("x2 1 k cafe\u0301"))
        .isEqualTo("x2 1 k caf\u00E9");
  }

  @Test
  void normalize_case_isLowered() {
    assertThat(PromptNormalizer.normalize("How Do I Reset My PASSWORD")).isEqualTo("how do i reset my password");
  }

  @Test
  void normalize_capitalI_staysDottedUnderATurkishDefaultLocale() {
    Locale previous = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      assertThat(PromptNormalizer.normalize("IS IT")).isEqualTo("is it");
    } finally {
      Locale.setDefault(previous);
    }
  }

  @Test
  void normalize_sharpS_isNotCaseFolded() {
    // documented: lower-casing, not full case folding
    assertThat(PromptNormalizer.normalize("STRASSE")).isEqualTo("strasse");
    assertThat(PromptNormalizer.normalize("Straße")).isEqualTo("straße");
  }

  @Test
  void normalize_whitespaceRuns_collapseToOneSpace_andAreTrimmed() {
    String prompt = " \t Weather\n\nin\u00A0\u00A0Paris\r\n\u2003today\u3000\u2028?\u0085 ";
    assertThat(PromptNormalizer.normalize(prompt)).isEqualTo("weather in paris today ?");
  }

  @Test
  void normalize_punctuationAndZeroWidthCharacters_areKept() {
    assertThat(PromptNormalizer.normalize("is x safe?")).isNotEqualTo(PromptNormalizer.normalize("is x safe"));
    assertThat(PromptNormalizer.normalize("a\u200Bb")).isEqualTo("a\u200Bb");
  }

  @Test
  void normalize_ofItsOwnResult_changesNothing_forEveryCodePoint() {
    StringBuilder differences = new StringBuilder();
    for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
      if (Character.getType(codePoint) == Character.SURROGATE) {
        continue;
      }
      String once = PromptNormalizer.normalize("A" + Character.toString(codePoint) + "b");
      if (!PromptNormalizer.normalize(once).equals(once)) {
        differences.append(String.format("U+%04X ", codePoint));
      }
    }
    assertThat(differences.toString()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\t\n", "\u00A0", "\u3000\u2028 \u0085"})
  void normalize_blankPrompt_isRefused(String prompt) {
    assertThatThrownBy(() -> PromptNormalizer.normalize(prompt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only whitespace")
        .hasMessageContaining("at least one non-whitespace character");
  }

  @Test
  void normalize_emptyPrompt_isRefused() {
    assertThatThrownBy(() -> PromptNormalizer.normalize(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("The prompt is empty");
  }

  @Test
  void normalize_null_isRefused() {
    assertThatThrownBy(() -> PromptNormalizer.normalize(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("prompt");
  }

  @Test
  void exactKey_isTheHexSha256OfTheUtf8Text() {
    // SHA-256("abc"), FIPS 180-2 appendix B.1
    assertThat(PromptNormalizer.exactKey("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(PromptNormalizer.exactKey("caf\u00E9")).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void exactKey_ofPromptsDifferingInFormOnly_isTheSame() {
    String key = PromptNormalizer.exactKey(PromptNormalizer.normalize("What is \uFB01sh?"));
    assertThat(PromptNormalizer.exactKey(PromptNormalizer.normalize("  WHAT\tis  ﬁsh?\n"))).isEqualTo(key);
    assertThat(PromptNormalizer.exactKey(PromptNormalizer.normalize("What is fish!"))).isNotEqualTo(key);
  }

  @Test
  void exactKey_ofTextNotNormalized_isRefused() {
    assertThatThrownBy(() -> PromptNormalizer.exactKey("What is fish?"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PromptNormalizer.normalize");
    assertThatThrownBy(() -> PromptNormalizer.exactKey(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
