package dev.lexigram.cache.benchmarks;

import static dev.lexigram.cache.benchmarks.SemanticPrompts.STORED;
import static dev.lexigram.cache.benchmarks.SemanticPrompts.SYNONYMS;
import static dev.lexigram.cache.benchmarks.SemanticPrompts.UNRELATED;

import dev.lexigram.cache.benchmarks.SemanticPrompts.Family;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * One trial's synthetic prompts: N distinct stored prompts drawn from {@link SemanticPrompts}' families
 * (a family in proportion to its combinations, one phrasing of it), their ~200-character answers,
 * and the probes made from them: stored prompts re-cased, light paraphrases of others, and unrelated
 * prompts of families never stored. Seeded, so a size always gives the same prompts and probes.
 */
final class SemanticCorpus {

  private final String[] prompts;
  private final int[] families;
  private final long[] combinations;
  private final int[] forms;
  private final Random random;

  /** How a paraphrase was made. */
  enum Strategy {
    FORM("phrasing"), PREFIX("please-tell-me"), SYNONYM("synonym");

    final String label;

    Strategy(String label) {
      this.label = label;
    }
  }

  record Paraphrase(String text, Strategy strategy) {}

  /** The probes of one trial: stored prompts to re-case, stored prompts to paraphrase, unrelated prompts. */
  record Probes(int[] exact, int[] semantic, String[] miss, String firstLookup) {}

  SemanticCorpus(int size, long seed) {
    random = new Random(seed);
    long total = STORED.stream().mapToLong(Family::combinations).sum();
    if (size > total * 3 / 4) {
      throw new IllegalArgumentException("At most " + total * 3 / 4 + " distinct prompts (of " + total
          + " combinations) can be drawn, not " + size);
    }
    prompts = new String[size];
    families = new int[size];
    combinations = new long[size];
    forms = new int[size];
    Set<String> seen = new HashSet<>(size * 2);
    for (int i = 0; i < size; ) {
      // a family in proportion to its combinations, then a combination of it
      long pick = (long) (random.nextDouble() * total);
      int f = 0;
      while (pick >= STORED.get(f).combinations()) {
        pick -= STORED.get(f).combinations();
        f++;
      }
      if (!seen.add(f + ":" + pick)) {
        continue;
      }
      Family family = STORED.get(f);
      int form = random.nextInt(family.forms().size());
      families[i] = f;
      combinations[i] = pick;
      forms[i] = form;
      prompts[i] = family.render(form, pick);
      i++;
    }
  }

  int size() {
    return prompts.length;
  }

  String prompt(int i) {
    return prompts[i];
  }

  /** A ~200-character answer that names its prompt, so that a hit can be checked. */
  String answer(int i) {
    String text = "Answer " + i + " to \"" + prompts[i] + "\": start from the official guide, check the "
        + "prerequisites first, then go step by step and verify each result before the next.";
    while (text.length() < 200) {
      text += " Keep notes of what you changed.";
    }
    return text;
  }

  /**
   * A light paraphrase of stored prompt {@code i}, by turns another phrasing of its template, the
   * prompt after "please tell me ", or one word swapped for a synonym (the prefix where no word
   * of the synonym list occurs).
   */
  Paraphrase paraphrase(int i) {
    Strategy strategy = Strategy.values()[Math.floorMod(i, Strategy.values().length)];
    Family family = STORED.get(families[i]);
    switch (strategy) {
      case FORM -> {
        int other = (forms[i] + 1 + Math.floorMod(i / 3, family.forms().size() - 1)) % family.forms().size();
        return new Paraphrase(family.render(other, combinations[i]), Strategy.FORM);
      }
      case SYNONYM -> {
        for (String[] swap : SYNONYMS) {
          String swapped = swapWord(prompts[i], swap[0], swap[1]);
          if (swapped != null) {
            return new Paraphrase(swapped, Strategy.SYNONYM);
          }
        }
        return new Paraphrase("please tell me " + prompts[i], Strategy.PREFIX);
      }
      default -> {
        return new Paraphrase("please tell me " + prompts[i], Strategy.PREFIX);
      }
    }
  }

  /** {@code count} stored prompts to re-case, {@code count} others to paraphrase, {@code count} unrelated prompts. */
  Probes probes(int count) {
    if (2 * count > size()) {
      count = size() / 2;
      System.out.printf("    (only %d probes of each kind: the corpus holds %d prompts)%n", count, size());
    }
    int[] order = new int[size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] exact = Arrays.copyOfRange(order, 0, count);
    int[] semantic = Arrays.copyOfRange(order, count, 2 * count);
    long unrelated = UNRELATED.stream().mapToLong(Family::combinations).sum();
    if (count + 1 > unrelated) {
      throw new IllegalArgumentException("At most " + (unrelated - 1) + " miss probes, not " + count);
    }
    Set<String> seen = new HashSet<>();
    List<String> misses = new ArrayList<>();
    while (misses.size() < count + 1) {
      Family family = UNRELATED.get(random.nextInt(UNRELATED.size()));
      String prompt = family.render(0, (long) (random.nextDouble() * family.combinations()));
      if (seen.add(prompt)) {
        misses.add(prompt);
      }
    }
    return new Probes(exact, semantic, misses.subList(1, misses.size()).toArray(String[]::new), misses.get(0));
  }

  /** Replaces the first whole-word occurrence of {@code word}; null when there is none. */
  private static String swapWord(String text, String word, String replacement) {
    int at = 0;
    while ((at = text.indexOf(word, at)) >= 0) {
      int end = at + word.length();
      boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) {
        return text.substring(0, at) + replacement + text.substring(end);
      }
      at = end;
    }
    return null;
  }

  /** A stored prompt re-cased: upper case, or every word capitalised, by turns. */
  static String recase(String prompt, int k) {
    if (k % 2 == 0) {
      return prompt.toUpperCase(Locale.ROOT);
    }
    StringBuilder out = new StringBuilder(prompt.length());
    boolean start = true;
    for (char c : prompt.toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : c);
      start = c == ' ';
    }
    return out.toString();
  }
}
