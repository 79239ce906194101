package dev.lexigram.cache.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the valid name a misspelt one was probably meant to be: the candidate with the smallest
 * edit distance (insertions, deletions, substitutions and swaps of neighbours each count one),
 * if that distance is small for the word's length; failing that, a candidate that ends with or
 * contains the word ({@code ttl} → {@code default_ttl}).
 */
final class KeySuggester {
  private KeySuggester() {}

  /** Returns the candidate nearest to {@code word}, or empty if none is near enough. */
  static Optional<String> nearest(String word, Collection<String> candidates) {
    String typed = normalize(word);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(typed, normalize(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best != null && bestDistance <= tolerance(typed)) {
      return Optional.of(best);
    }
    return candidates.stream()
        .filter(c -> typed.length() >= 3 && normalize(c).contains(typed))
        .findFirst();
  }

  private static int tolerance(String word) {
    return word.length() <= 4 ? 1 : Math.max(2, word.length() / 3);
  }

  private static String normalize(String word) {
    return word.replace('-', '_').toLowerCase(Locale.ROOT);
  }

  /** Optimal string alignment distance between a and b. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
