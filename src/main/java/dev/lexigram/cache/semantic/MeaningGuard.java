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
 *   <li><b>numbers</b>: when both prompts hold numbers (digit runs, with decimals, and number words
 *       from two to twelve, twenty, hundred, …), they must hold the same ones, in any order;
 *   <li><b>dates</b>: both prompts name months or days of the week, and not the same ones ("in
 *       August" / "in November"; "may" is the month only after a word such as "in", "early" or
 *       "by", being a verb too);
 *   <li><b>negation</b>: either both prompts or neither hold a negation ({@code not}, {@code n't},
 *       {@code no}, {@code never}, {@code without}, {@code zero}, …);
 *   <li><b>opposites</b>: one prompt holds a word of a list of common English opposites
 *       ({@code advantages/disadvantages}, {@code increase/decrease}, {@code before/after},
 *       {@code install/uninstall}, …), or a word and the other its negating-prefix form
 *       ({@code safe/unsafe}, {@code like/dislike}, {@code normal/abnormal}), and the other prompt
 *       holds the opposite but not the word (nor a longer form of it: {@code safely});
 *   <li><b>question</b>: both prompts ask a specific kind of question and not the same
 *       ({@code when}/{@code where}/{@code who}/{@code why}, or {@code how wide}/{@code how long}/
 *       {@code how tall}/…);
 *   <li><b>units</b>: both prompts name units of time and not the same ones ({@code per month},
 *       {@code per year}).
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
    NUMBERS, DATES, NEGATION, OPPOSITES, QUESTION, UNITS
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  /** Number words; not "one", which is as often a pronoun ("which one", "get one"). */
  private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("two", "2"),
      Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
      Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"),
      Map.entry("eleven", "11"), Map.entry("twelve", "12"), Map.entry("twenty", "20"), Map.entry("hundred", "100"),
      Map.entry("thousand", "1000"), Map.entry("million", "1000000"), Map.entry("billion", "1000000000"));
  private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "without", "none", "nobody",
      "nothing", "neither", "nor", "cannot", "nowhere", "zero");
  /** Common English opposites: a fact of the language, not of any one data set. */
  private static final Map<String, Set<String>> OPPOSITES = opposites(
      "advantage", "disadvantage", "advantages", "disadvantages", "pros", "cons", "benefits", "drawbacks",
      "positives", "negatives", "positive", "negative", "good", "bad", "better", "worse", "best", "worst",
      "like", "dislike", "love", "hate", "help", "hurt", "win", "lose", "wins", "loses", "won", "lost",
      "increase", "decrease", "increases", "decreases", "increasing", "decreasing", "increase", "reduce",
      "increasing", "declining", "raise", "lower", "rise", "fall", "rises", "falls", "up", "down",
      "higher", "lower", "high", "low", "highest", "lowest", "more", "fewer", "over", "under", "above", "below",
      "before", "after", "during", "after", "install", "uninstall", "enable", "disable", "add", "remove",
      "buy", "sell", "import", "export", "upload", "download", "encrypt", "decrypt", "gain", "lose",
      "fastest", "slowest", "faster", "slower", "fast", "slow", "largest", "smallest", "bigger", "smaller",
      "legal", "illegal", "safe", "dangerous", "safer", "riskier", "possible", "impossible", "healthy", "unhealthy",
      "lock", "unlock", "subscribe", "unsubscribe", "follow", "unfollow", "inside", "outside", "first", "last",
      "early", "late", "earlier", "later", "cheap", "expensive", "cheaper", "pricier", "hot", "cold", "hotter",
      "colder", "warm", "cool", "warmer", "cooler", "warmer", "colder", "thin", "thick", "thinner", "thicker",
      "open", "close", "start", "stop", "tighten", "loosen", "tight", "loose", "light", "dark", "brighten", "darken",
      "attract", "repel", "attracted", "repelled", "accept", "reject", "allowed", "forbidden", "true", "false",
      "pass", "fail", "strong", "weak", "stronger", "weaker", "rich", "poor", "young", "old", "younger", "older",
      "wet", "dry", "full", "empty", "heavy", "light", "long", "short", "longer", "shorter", "wide", "narrow",
      "sunrise", "sunset", "rise", "set", "north", "south", "east", "west", "left", "right", "min", "max",
      "minimum", "maximum", "import", "export", "against", "for", "jointly", "separately", "in", "out",
      "entry", "exit", "arrive", "depart", "arrival", "departure", "borrow", "lend", "push", "pull", "send",
      "receive", "sent", "received", "ahead", "behind", "overqualified", "underqualified", "overweight",
      "underweight", "overpaid", "underpaid", "overestimate", "underestimate", "inhale", "exhale", "melt",
      "freeze", "expand", "shrink", "heat", "cool", "boil", "freeze", "men", "women", "male", "female",
      "boys", "girls", "husband", "wife", "mother", "father", "summer", "winter", "day", "night", "morning", "evening");
  /** Prefixes that make an opposite of a word: safe/unsafe, like/dislike, normal/abnormal. */
  private static final List<String> NEGATING_PREFIXES = List.of("un", "dis", "in", "im", "il", "ir", "ab", "non");
  /** Question words that ask for different kinds of answer: a when-question never takes a where-answer. */
  private static final Set<String> SPECIFIC_QUESTIONS = Set.of("when", "where", "who", "why");
  /** What "how" asks when followed by these: "how wide" and "how long" are different questions. */
  private static final Map<String, String> HOW_MEASURES = Map.ofEntries(Map.entry("wide", "width"),
      Map.entry("long", "length"), Map.entry("tall", "height"), Map.entry("high", "height"), Map.entry("deep", "depth"),
      Map.entry("heavy", "weight"), Map.entry("big", "size"), Map.entry("large", "size"), Map.entry("far", "distance"),
      Map.entry("fast", "speed"), Map.entry("old", "age"), Map.entry("often", "frequency"),
      Map.entry("hot", "temperature"), Map.entry("cold", "temperature"));
  /** Months and days: "in August" and "in November" are different trips (not "may", a verb too). */
  private static final Map<String, String> CALENDAR = calendar();
  /** Units of time: "per month" and "per year" ask for different amounts. */
  private static final Map<String, String> TIME_UNITS = Map.ofEntries(Map.entry("second", "s"), Map.entry("seconds", "s"),
      Map.entry("minute", "min"), Map.entry("minutes", "min"), Map.entry("hour", "h"), Map.entry("hours", "h"),
      Map.entry("hourly", "h"), Map.entry("day", "d"), Map.entry("days", "d"), Map.entry("daily", "d"),
      Map.entry("week", "w"), Map.entry("weeks", "w"), Map.entry("weekly", "w"), Map.entry("month", "mo"),
      Map.entry("months", "mo"), Map.entry("monthly", "mo"), Map.entry("year", "y"), Map.entry("years", "y"),
      Map.entry("yearly", "y"), Map.entry("annually", "y"), Map.entry("annual", "y"));

  private MeaningGuard() {}

  /** Returns why the two normalized prompts must not share an answer, or null if nothing tells them apart. */
  public static Refusal refuse(String prompt, String stored) {
    List<String> a = words(prompt);
    List<String> b = words(stored);
    List<String> numbersA = numbers(prompt, a);
    List<String> numbersB = numbers(stored, b);
    if (!numbersA.isEmpty() && !numbersB.isEmpty() && !numbersA.equals(numbersB)) {
      return Refusal.NUMBERS;
    }
    if (differ(dates(a), dates(b))) {
      return Refusal.DATES;
    }
    if (negated(a) != negated(b)) {
      return Refusal.NEGATION;
    }
    if (opposed(a, b) || opposed(b, a)) {
      return Refusal.OPPOSITES;
    }
    if (differ(questions(a), questions(b))) {
      return Refusal.QUESTION;
    }
    if (differ(named(a, TIME_UNITS), named(b, TIME_UNITS))) {
      return Refusal.UNITS;
    }
    return null;
  }

  /** Two sets that are both non-empty and not equal. */
  private static boolean differ(Set<String> a, Set<String> b) {
    return !a.isEmpty() && !b.isEmpty() && !a.equals(b);
  }

  private static Set<String> questions(List<String> words) {
    Set<String> asked = new HashSet<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (SPECIFIC_QUESTIONS.contains(word)) {
        asked.add(word);
      } else if (word.equals("how") && i + 1 < words.size() && HOW_MEASURES.containsKey(words.get(i + 1))) {
        asked.add(HOW_MEASURES.get(words.get(i + 1)));
      }
    }
    return asked;
  }

  /** Words before "may" that make it the month: "in may", "early may", "by may". */
  private static final Set<String> BEFORE_MAY = Set.of("in", "of", "during", "early", "late", "mid", "since",
      "until", "till", "by", "from", "through", "to", "next", "last", "this", "before", "after");

  /** The months and days named, "may" counted only where it is the month. */
  private static Set<String> dates(List<String> words) {
    Set<String> found = named(words, CALENDAR);
    for (int i = 1; i < words.size(); i++) {
      if (words.get(i).equals("may") && BEFORE_MAY.contains(words.get(i - 1))) {
        found.add("may");
      }
    }
    return found;
  }

  /** The canonical names of the words that {@code names} knows. */
  private static Set<String> named(List<String> words, Map<String, String> names) {
    Set<String> found = new HashSet<>();
    for (String word : words) {
      String name = names.get(word);
      if (name != null) {
        found.add(name);
      }
    }
    return found;
  }

  private static Map<String, String> calendar() {
    var names = new java.util.HashMap<String, String>();
    String[] months = {"january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december"};
    for (String month : months) {
      names.put(month, month);
      if (!month.equals("march")) {
        names.put(month.substring(0, 3), month);
      }
    }
    names.put("sept", "september");
    for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
      names.put(day, day);
    }
    return Map.copyOf(names);
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
    Set<String> inA = new HashSet<>(a);
    Set<String> inB = new HashSet<>(b);
    for (String word : inA) {
      if (holds(inB, word)) {
        continue;
      }
      for (String opposite : OPPOSITES.getOrDefault(word, Set.of())) {
        if (inB.contains(opposite) && !holds(inA, opposite)) {
          return true;
        }
      }
      for (String prefix : NEGATING_PREFIXES) {
        if (word.length() > prefix.length() + 3 && word.startsWith(prefix)) {
          String root = word.substring(prefix.length());
          if (inB.contains(root) && !holds(inA, root)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether the words hold this one or a longer form of it ({@code safe}: {@code safely}, {@code safer}). */
  private static boolean holds(Set<String> words, String word) {
    if (words.contains(word)) {
      return true;
    }
    if (word.length() < 4) {
      return false;
    }
    for (String other : words) {
      if (other.startsWith(word)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Set<String>> opposites(String... pairs) {
    var map = new java.util.HashMap<String, Set<String>>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.computeIfAbsent(pairs[i], w -> new HashSet<>()).add(pairs[i + 1]);
      map.computeIfAbsent(pairs[i + 1], w -> new HashSet<>()).add(pairs[i]);
    }
    map.replaceAll((word, set) -> Set.copyOf(set));
    return Map.copyOf(map);
  }
}
