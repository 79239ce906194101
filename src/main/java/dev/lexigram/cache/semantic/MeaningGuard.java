package dev.lexigram.cache.semantic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a semantic hit between two prompts that an embedding sees as near but whose answers
 * differ, for reasons a sentence embedding is known to blur (measured with the default model:
 * "is aspirin safe" and "is aspirin not safe" are 0.979 alike, "lose 10 kg" and "lose 20 kg"
 * 0.869):
 * <ul>
 *   <li><b>numbers</b>: the two prompts must hold the same numbers (digit runs, with decimals, and
 *       the number words one to twelve), in any order;
 *   <li><b>negation</b>: either both prompts or neither hold a negation ({@code not}, {@code n't},
 *       {@code no}, {@code never}, {@code without}, …);
 *   <li><b>opposites</b>: a prompt that holds a word of a small list of opposite pairs
 *       ({@code advantages/disadvantages}, {@code increase/decrease}, {@code before/after},
 *       {@code install/uninstall}, …) where the other holds its opposite and not the word itself.
 * </ul>
 * The guards only ever refuse: they make the semantic tier more precise at the price of the
 * paraphrases they catch (a rephrasing that spells a number out, or says "can't remember" for
 * "forgot"). Both prompts are normalized (lower case) when compared.
 *
 * <p>Stateless and thread-safe.
 */
public final class MeaningGuard {

  /** Why a near prompt was refused. */
  public enum Refusal {
    NUMBERS, NEGATION, OPPOSITES
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("one", "1"),
      Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
      Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"),
      Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"), Map.entry("zero", "0"));
  private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "without", "none", "nobody",
      "nothing", "neither", "nor", "cannot", "nowhere");
  private static final Map<String, String> OPPOSITES = opposites(
      "advantage", "disadvantage", "advantages", "disadvantages", "pros", "cons", "increase", "decrease",
      "increases", "decreases", "before", "after", "install", "uninstall", "enable", "disable",
      "best", "worst", "maximum", "minimum", "add", "remove", "buy", "sell", "import", "export",
      "upload", "download", "encrypt", "decrypt", "gain", "lose", "fastest", "slowest", "largest", "smallest",
      "legal", "illegal",
      "safe", "unsafe", "possible", "impossible", "healthy", "unhealthy", "lock", "unlock",
      "subscribe", "unsubscribe", "follow", "unfollow", "inside", "outside", "above", "below",
      "first", "last", "early", "late", "cheap", "expensive", "positive", "negative");

  private MeaningGuard() {}

  /** Returns why the two normalized prompts must not share an answer, or null if nothing tells them apart. */
  public static Refusal refuse(String prompt, String stored) {
    List<String> a = words(prompt);
    List<String> b = words(stored);
    if (!numbers(prompt, a).equals(numbers(stored, b))) {
      return Refusal.NUMBERS;
    }
    if (negated(a) != negated(b)) {
      return Refusal.NEGATION;
    }
    if (opposed(a, b) || opposed(b, a)) {
      return Refusal.OPPOSITES;
    }
    return null;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group().replace('’', '\''));
    }
    return words;
  }

  private static List<String> numbers(String text, List<String> words) {
    List<String> numbers = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      numbers.add(m.group().replace(",", ""));
    }
    for (String word : words) {
      String digits = NUMBER_WORDS.get(word);
      if (digits != null) {
        numbers.add(digits);
      }
    }
    Collections.sort(numbers);
    return numbers;
  }

  private static boolean negated(List<String> words) {
    for (String word : words) {
      if (NEGATIONS.contains(word) || word.endsWith("n't")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code a} holds a word whose opposite {@code b} holds while lacking the word itself. */
  private static boolean opposed(List<String> a, List<String> b) {
    Set<String> inB = new HashSet<>(b);
    for (String word : new HashSet<>(a)) {
      String opposite = OPPOSITES.get(word);
      if (opposite != null && inB.contains(opposite) && !inB.contains(word) && !a.contains(opposite)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> opposites(String... pairs) {
    var map = new java.util.HashMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.putIfAbsent(pairs[i], pairs[i + 1]);
      map.putIfAbsent(pairs[i + 1], pairs[i]);
    }
    return Map.copyOf(map);
  }
}
