package dev.lexigram.cache.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A compiled glob pattern for key enumeration and pattern deletes; the one place where every
 * backend parses and matches globs. Redis's {@code KEYS}/{@code SCAN MATCH} syntax is the reference:
 *
 * <table>
 *   <caption>Syntax</caption>
 *   <tr><th>pattern</th><th>matches</th></tr>
 *   <tr><td>{@code *}</td><td>any sequence, including the empty one and {@code :} or {@code /}</td></tr>
 *   <tr><td>{@code ?}</td><td>exactly one character (code point)</td></tr>
 *   <tr><td>{@code [abc]}, {@code [a-z]}</td><td>one of the listed characters or ranges; a reversed
 *       range such as {@code [z-a]} means {@code [a-z]}, as in Redis</td></tr>
 *   <tr><td>{@code [!abc]}, {@code [^abc]}</td><td>one character not listed</td></tr>
 *   <tr><td>{@code []a]}, {@code [!]a]}</td><td>{@code ]} first in a class is a member; so is {@code -}
 *       first or last</td></tr>
 *   <tr><td>{@code \c}</td><td>the character {@code c} literally, inside or outside a class
 *       ({@code \*}, {@code \?}, {@code \[}, {@code \]}, {@code \\})</td></tr>
 *   <tr><td>anything else</td><td>itself; {@code ]} outside a class is a literal</td></tr>
 * </table>
 *
 * <p>An unclosed {@code [} and a trailing lone {@code \} are errors. The empty pattern matches only
 * the empty key. Matching compares Unicode code points: {@code ?} and a class consume one code point,
 * so a supplementary character (two UTF-16 chars) counts as one character; an unpaired surrogate
 * counts as one character too. Matching is case-sensitive and runs in O(pattern × key) time with no
 * exponential backtracking.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Glob {

  private static final String META = "*?[]\\";
  /** Characters that Redis would misread as the first character of a class member. */
  private static final String REDIS_CLASS_SPECIAL = "\\]^-[";

  private final String pattern;
  private final Token[] tokens;
  private final String literalPrefix;
  private final String redisPattern;

  private Glob(String pattern, Token[] tokens) {
    this.pattern = pattern;
    this.tokens = tokens;
    StringBuilder prefix = new StringBuilder();
    StringBuilder redis = new StringBuilder();
    boolean inPrefix = true;
    for (Token token : tokens) {
      inPrefix &= token instanceof Literal;
      if (inPrefix) {
        prefix.appendCodePoint(((Literal) token).codePoint());
      }
      token.appendRedis(redis);
    }
    this.literalPrefix = prefix.toString();
    this.redisPattern = redis.toString();
  }

  /**
   * Returns the compiled form of {@code pattern}.
   *
   * @throws NullPointerException if {@code pattern} is null
   * @throws IllegalArgumentException if a {@code [} is never closed or the pattern ends in a lone
   *     {@code \}; the message names the pattern, the index and the fix
   */
  public static Glob compile(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      int c = pattern.codePointAt(i);
      int next = i + Character.charCount(c);
      if (c == '*') {
        if (tokens.isEmpty() || tokens.get(tokens.size() - 1) != Wildcard.ANY_RUN) {
          tokens.add(Wildcard.ANY_RUN);
        }
      } else if (c == '?') {
        tokens.add(Wildcard.ANY_ONE);
      } else if (c == '[') {
        next = parseClass(pattern, i, tokens);
      } else if (c == '\\') {
        if (next == pattern.length()) {
          throw invalid(pattern, i, "trailing '\\'", "remove it or escape it as '\\\\'");
        }
        c = pattern.codePointAt(next);
        next += Character.charCount(c);
        tokens.add(new Literal(c));
      } else {
        tokens.add(new Literal(c));
      }
      i = next;
    }
    return new Glob(pattern, tokens.toArray(new Token[0]));
  }

  /** Parses the class opening at {@code open} into {@code out}; returns the index after its {@code ]}. */
  private static int parseClass(String pattern, int open, List<Token> out) {
    int[] pos = {open + 1};
    boolean negated = pos[0] < pattern.length() && "!^".indexOf(pattern.charAt(pos[0])) >= 0;
    pos[0] += negated ? 1 : 0;
    IntStream.Builder ranges = IntStream.builder();
    for (boolean first = true; first || pattern.charAt(pos[0]) != ']'; first = false) {
      int lo = classMember(pattern, open, pos);
      int hi = lo;
      if (pos[0] + 1 < pattern.length() && pattern.charAt(pos[0]) == '-' && pattern.charAt(pos[0] + 1) != ']') {
        pos[0]++;
        hi = classMember(pattern, open, pos);
      }
      ranges.add(Math.min(lo, hi)).add(Math.max(lo, hi));
      if (pos[0] >= pattern.length()) {
        throw unclosedClass(pattern, open);
      }
    }
    out.add(new CharClass(negated, ranges.build().toArray()));
    return pos[0] + 1;
  }

  /** Reads one (possibly escaped) class member at {@code pos[0]} and advances past it. */
  private static int classMember(String pattern, int open, int[] pos) {
    if (pos[0] < pattern.length() && pattern.charAt(pos[0]) == '\\') {
      pos[0]++;
    }
    if (pos[0] >= pattern.length()) {
      throw unclosedClass(pattern, open);
    }
    int c = pattern.codePointAt(pos[0]);
    pos[0] += Character.charCount(c);
    return c;
  }

  private static IllegalArgumentException unclosedClass(String pattern, int open) {
    return invalid(pattern, open, "unclosed '['", "close the class with ']' or escape it as '\\['");
  }

  private static IllegalArgumentException invalid(String pattern, int index, String problem, String fix) {
    return new IllegalArgumentException(
        "Invalid glob '" + pattern + "': " + problem + " at index " + index + ". Fix: " + fix);
  }

  /**
   * Returns a glob that matches exactly {@code literal} and nothing else, by escaping
   * {@code * ? [ ] \}.
   *
   * @throws NullPointerException if {@code literal} is null
   */
  public static String escape(String literal) {
    StringBuilder out = new StringBuilder(literal.length() + 8);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (META.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Returns whether the whole of {@code key} matches this pattern.
   *
   * @throws NullPointerException if {@code key} is null
   */
  public boolean matches(String key) {
    Objects.requireNonNull(key, "key");
    // Classic two-pointer wildcard match: on a mismatch, retry from the last '*' with it
    // swallowing one more character; earlier stars never need revisiting.
    int t = 0;
    int k = 0;
    int afterStar = -1;
    int starKey = 0;
    while (k < key.length()) {
      if (t < tokens.length && tokens[t] == Wildcard.ANY_RUN) {
        afterStar = ++t;
        starKey = k;
        continue;
      }
      int c = key.codePointAt(k);
      if (t < tokens.length && tokens[t].accepts(c)) {
        t++;
        k += Character.charCount(c);
      } else if (afterStar < 0) {
        return false;
      } else {
        starKey += Character.charCount(key.codePointAt(starKey));
        k = starKey;
        t = afterStar;
      }
    }
    return t == tokens.length || (t == tokens.length - 1 && tokens[t] == Wildcard.ANY_RUN);
  }

  /** Returns the source text this glob was compiled from; never null. */
  public String pattern() {
    return pattern;
  }

  /** Returns true only if this glob matches every key, i.e. it consists of {@code *} alone (or repeated). */
  public boolean isMatchAll() {
    return tokens.length == 1 && tokens[0] == Wildcard.ANY_RUN;
  }

  /**
   * Returns the longest literal text every matching key starts with, unescaped ({@code "a*b"} for
   * {@code a\*b*}); empty when the pattern starts with a wildcard or class; never null.
   */
  public String literalPrefix() {
    return literalPrefix;
  }

  /**
   * Returns this glob in Redis's {@code SCAN MATCH} syntax; never null. Escapes are kept, {@code [!}
   * becomes {@code [^}, and class members Redis would misread ({@code ]} first, {@code -}, {@code ^},
   * {@code \}) are escaped. Redis matches bytes, so for keys stored as UTF-8 the result is exact only
   * where a byte match equals a code point match: {@code ?} becomes {@code ?*}, a negated class gains
   * a trailing {@code *}, and a class with a non-ASCII member becomes {@code ?*}. The result therefore
   * never misses a key but may return extra ones; re-check each with {@link #matches}.
   */
  public String toRedisPattern() {
    return redisPattern;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Glob other && pattern.equals(other.pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  @Override
  public String toString() {
    return "Glob[" + pattern + "]";
  }

  private sealed interface Token permits Literal, Wildcard, CharClass {
    boolean accepts(int codePoint);

    void appendRedis(StringBuilder out);
  }

  private record Literal(int codePoint) implements Token {
    @Override
    public boolean accepts(int c) {
      return c == codePoint;
    }

    @Override
    public void appendRedis(StringBuilder out) {
      if (META.indexOf(codePoint) >= 0) {
        out.append('\\');
      }
      out.appendCodePoint(codePoint);
    }
  }

  private enum Wildcard implements Token {
    ANY_ONE, ANY_RUN;

    @Override
    public boolean accepts(int c) {
      return this == ANY_ONE; // ANY_RUN is handled by the matcher itself
    }

    @Override
    public void appendRedis(StringBuilder out) {
      out.append(this == ANY_ONE ? "?*" : "*");
    }
  }

  /** A class as unsorted pairs {@code lo, hi} of inclusive code point ranges, {@code lo <= hi}. */
  private record CharClass(boolean negated, int[] ranges) implements Token {
    @Override
    public boolean accepts(int c) {
      for (int i = 0; i < ranges.length; i += 2) {
        if (c >= ranges[i] && c <= ranges[i + 1]) {
          return !negated;
        }
      }
      return negated;
    }

    @Override
    public void appendRedis(StringBuilder out) {
      if (Arrays.stream(ranges).anyMatch(c -> c >= 0x80)) {
        out.append("?*");
        return;
      }
      out.append(negated ? "[^" : "[");
      for (int i = 0; i < ranges.length; i += 2) {
        int lo = ranges[i];
        int hi = ranges[i + 1];
        // Redis reads a range's first character raw, so peel off the ones it would misread.
        while (lo <= hi && REDIS_CLASS_SPECIAL.indexOf(lo) >= 0) {
          out.append('\\').append((char) lo++);
        }
        if (lo == hi) {
          out.append((char) lo);
        } else if (lo < hi) {
          out.append((char) lo).append('-').append((char) hi);
        }
      }
      out.append(negated ? "]*" : "]");
    }
  }
}
