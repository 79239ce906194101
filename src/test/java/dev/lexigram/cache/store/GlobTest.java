package dev.lexigram.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GlobTest {

  @Test
  void matches_literalPattern_matchesOnlyIdenticalKey() {
    Glob glob = Glob.compile("user:42");

    assertThat(glob.matches("user:42")).isTrue();
    assertThat(glob.matches("user:4")).isFalse();
    assertThat(glob.matches("user:421")).isFalse();
    assertThat(glob.matches("User:42")).isFalse();
    assertThat(glob.matches("")).isFalse();
  }

  @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      "*abc   | abc      | true",
      "*abc   | xxabc    | true",
      "*abc   | abcx     | false",
      "abc*   | abc      | true",
      "abc*   | abcdef   | true",
      "abc*   | xabc     | false",
      "a*c    | ac       | true",
      "a*c    | abbbc    | true",
      "a*c    | acbc     | true",
      "a*c    | abcd     | false",
      "*b*    | b        | true",
      "*b*    | abc      | true",
      "*b*    | ac       | false",
      "a**c   | ac       | true",
      "a*b*c  | aXbYbZc  | true",
      "a*b*c  | aXcYb    | false",
      "*/*    | a/b/c    | true",
      "*      | ''       | true",
  })
  void matches_starInAnyPosition_matchesAnySequenceIncludingEmpty(String pattern, String key, boolean expected) {
    assertThat(Glob.compile(pattern).matches(key)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      "h?llo  | hello  | true",
      "h?llo  | hxllo  | true",
      "h?llo  | hllo   | false",
      "h?llo  | heello | false",
      "?      | ''     | false",
      "??     | ab     | true",
      "??     | abc    | false",
      "a?*    | a      | false",
      "a?*    | ab:c   | true",
  })
  void matches_questionMark_matchesExactlyOneCharacter(String pattern, String key, boolean expected) {
    assertThat(Glob.compile(pattern).matches(key)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
      "h[ae]llo   | hello | true",
      "h[ae]llo   | hallo | true",
      "h[ae]llo   | hillo | false",
      "h[a-c]llo  | hbllo | true",
      "h[a-c]llo  | hdllo | false",
      "h[a-cx]llo | hxllo | true",
      "[z-a]      | m     | true",
      "h[!e]llo   | hallo | true",
      "h[!e]llo   | hello | false",
      "h[^e]llo   | hallo | true",
      "h[^e]llo   | hello | false",
      "h[^a-y]llo | hzllo | true",
      "h[^a-y]llo | hbllo | false",
      "[]a]       | ]     | true",
      "[]a]       | a     | true",
      "[]a]       | b     | false",
      "[!]a]      | ]     | false",
      "[!]a]      | b     | true",
      "[^]]       | ]     | false",
      "[\\]]      | ]     | true",
      "[a\\-z]    | -     | true",
      "[a\\-z]    | b     | false",
      "[a-]       | -     | true",
      "[-a]       | -     | true",
      "[\\\\]     | \\    | true",
      "[\\*]      | *     | true",
      "[\\*]      | a     | false",
      "[*?]       | ?     | true",
      "[*?]       | a     | false",
      "[a-\\]]    | ^     | true",
      "[ab]       | ab    | false",
  })
  void matches_characterClass_matchesOneListedCharacter(String pattern, String key, boolean expected) {
    assertThat(Glob.compile(pattern).matches(key)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
      "product\\*  | product*  | true",
      "product\\*  | products  | false",
      "product\\*  | product   | false",
      "\\?         | ?         | true",
      "\\?         | a         | false",
      "\\[a]       | [a]       | true",
      "\\[a]       | a         | false",
      "a\\\\b      | a\\b      | true",
      "a\\b        | ab        | true",
      "a]          | a]        | true",
  })
  void matches_escapedMetacharacter_matchesItLiterally(String pattern, String key, boolean expected) {
    assertThat(Glob.compile(pattern).matches(key)).isEqualTo(expected);
  }

  @Test
  void matches_keysWithColons_starSpansSegments() {
    Glob glob = Glob.compile("user:*:profile");

    assertThat(glob.matches("user:42:profile")).isTrue();
    assertThat(glob.matches("user:a:b:profile")).isTrue();
    assertThat(glob.matches("user::profile")).isTrue();
    assertThat(glob.matches("user:42:profiles")).isFalse();
    assertThat(glob.matches("account:42:profile")).isFalse();
  }

  @Test
  void matches_emptyPattern_matchesOnlyEmptyKey() {
    Glob glob = Glob.compile("");

    assertThat(glob.matches("")).isTrue();
    assertThat(glob.matches("a")).isFalse();
    assertThat(glob.literalPrefix()).isEmpty();
    assertThat(glob.isMatchAll()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "user:42:profile", "a/b\\c", "*?[]", "\uD83D\uDE00"})
  void matches_starAlone_matchesEveryKey(String key) {
    assertThat(Glob.compile("*").matches(key)).isTrue();
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      "*     | true",
      "**    | true",
      "***   | true",
      "''    | false",
      "a*    | false",
      "*a    | false",
      "?     | false",
      "*?    | false",
      "\\*   | false",
      "[*]   | false",
  })
  void isMatchAll_pattern_trueOnlyForStarsAlone(String pattern, boolean expected) {
    assertThat(Glob.compile(pattern).isMatchAll()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      "product:list:*  | product:list:",
      "a\\*b*          | a*b",
      "a\\[b\\]?       | a[b]",
      "user:42         | user:42",
      "ab?c            | ab",
      "ab[c]d          | ab",
      "*abc            | ''",
      "''              | ''",
  })
  void literalPrefix_pattern_isLeadingLiteralTextUnescaped(String pattern, String expected) {
    assertThat(Glob.compile(pattern).literalPrefix()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}''")
  @MethodSource("literals")
  void escape_anyLiteral_roundTripsToExactMatch(String literal) {
    Glob glob = Glob.compile(Glob.escape(literal));

    assertThat(glob.matches(literal)).isTrue();
    assertThat(glob.matches(literal + "x")).isFalse();
    assertThat(glob.matches("x" + literal)).isFalse();
    assertThat(glob.literalPrefix()).isEqualTo(literal);
  }

  static Stream<String> literals() {
    String alphabet = "ab:/*?[]\\!^-";
    Random random = new Random(42);
    Stream<String> randomLiterals = IntStream.range(0, 50).mapToObj(i -> {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return s.toString();
    });
    return Stream.concat(Stream.of("", "*", "\\", "[", "]", "[!]", "a\\*b", "user:*:\uD83D\uDE00"), randomLiterals);
  }

  @Test
  void escape_metacharacters_prefixesEachWithBackslash() {
    assertThat(Glob.escape("a*b?c[d]e\\f")).isEqualTo("a\\*b\\?c\\[d\\]e\\\\f");
    assertThat(Glob.escape("plain:key")).isEqualTo("plain:key");
  }

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      "product:list:*  | product:list:*",
      "*               | *",
      "a**b            | a*b",
      "a\\*b\\?\\[\\]  | a\\*b\\?\\[\\]",
      "\\a\\\\         | a\\\\",
      "a]              | a\\]",
      "h[ae]llo        | h[ae]llo",
      "h[a-z0-9]llo    | h[a-z0-9]llo",
      "[z-a]           | [a-z]",
      "[!abc]x         | [^abc]*x",
      "[^abc]x         | [^abc]*x",
      "[]a]            | [\\]a]",
      "[a-]            | [a\\-]",
      "[\\^a]          | [\\^a]",
      "[\\]-a]         | [\\]\\^_-a]",
      "h?llo           | h?*llo",
      "[\u00e9e]       | ?*",
      "''              | ''",
  })
  void toRedisPattern_pattern_isRedisSyntaxThatNeverMissesAKey(String pattern, String expected) {
    assertThat(Glob.compile(pattern).toRedisPattern()).isEqualTo(expected);
  }

  @Test
  void compile_unclosedClass_throwsNamingPatternIndexAndFix() {
    assertThatThrownBy(() -> Glob.compile("user:[ab"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid glob 'user:[ab': unclosed '[' at index 5. "
            + "Fix: close the class with ']' or escape it as '\\['");
  }

  @ParameterizedTest(name = "''{0}'' -> index {1}")
  @CsvSource(delimiter = '|', value = {
      "[       | 0",
      "a[!     | 1",
      "[]      | 0",
      "[!]     | 0",
      "[a-     | 0",
      "ab[c\\  | 2",
      "[a][b   | 3",
  })
  void compile_unclosedClassVariants_throwsAtOpeningBracket(String pattern, int index) {
    assertThatThrownBy(() -> Glob.compile(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unclosed '[' at index " + index + ".");
  }

  @Test
  void compile_trailingBackslash_throwsNamingPatternIndexAndFix() {
    assertThatThrownBy(() -> Glob.compile("abc\\"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid glob 'abc\\': trailing '\\' at index 3. Fix: remove it or escape it as '\\\\'");
  }

  @Test
  void compile_escapedTrailingBackslash_isValid() {
    assertThat(Glob.compile("abc\\\\").matches("abc\\")).isTrue();
  }

  @Test
  void nullArguments_throwNullPointerException() {
    assertThatNullPointerException().isThrownBy(() -> Glob.compile(null));
    assertThatNullPointerException().isThrownBy(() -> Glob.compile("*").matches(null));
    assertThatNullPointerException().isThrownBy(() -> Glob.escape(null));
  }

  @Test
  void matches_supplementaryCharacter_countsAsOneCharacter() {
    String grin = "\uD83D\uDE00";

    assertThat(Glob.compile("?").matches(grin)).isTrue();
    assertThat(Glob.compile("??").matches(grin)).isFalse();
    assertThat(Glob.compile("a?b").matches("a" + grin + "b")).isTrue();
    assertThat(Glob.compile("[x" + grin + "]").matches(grin)).isTrue();
    assertThat(Glob.compile("[!x]").matches(grin)).isTrue();
    assertThat(Glob.compile("*" + grin).matches("ab" + grin)).isTrue();
    assertThat(Glob.compile("?").literalPrefix()).isEmpty();
    assertThat(Glob.compile(grin + "*").literalPrefix()).isEqualTo(grin);
  }

  @Test
  @Timeout(5)
  void matches_manyStarsAgainstLongNonMatchingKey_returnsFalseWithoutBacktracking() {
    Glob glob = Glob.compile("*a*a*a*a*a*a*a*b");

    assertThat(glob.matches("a".repeat(10_000))).isFalse();
    assertThat(glob.matches("a".repeat(10_000) + "b")).isTrue();
  }

  @Test
  void equalsAndHashCode_samePatternText_areEqual() {
    assertThat(Glob.compile("user:*")).isEqualTo(Glob.compile("user:*"))
        .hasSameHashCodeAs(Glob.compile("user:*"))
        .isNotEqualTo(Glob.compile("user:**"));
  }

  @Test
  void toStringAndPattern_returnSourceText() {
    Glob glob = Glob.compile("a\\*[!b]");

    assertThat(glob.pattern()).isEqualTo("a\\*[!b]");
    assertThat(glob).hasToString("Glob[a\\*[!b]]");
  }
}
