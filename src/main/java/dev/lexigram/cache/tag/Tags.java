package dev.lexigram.cache.tag;

import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The rules a tag follows, checked where tags enter (configuration, the extension API): a tag is
 * 1 to {@value #MAX_LENGTH} characters, not blank, with no control characters (every backend holds
 * such a tag: memcached names too long or with spaces are hashed); an entry carries at most
 * {@value #MAX_PER_ENTRY} tags. A tag set is kept sorted and without repeats, so that equal sets
 * encode alike.
 */
public final class Tags {

  /** The longest tag, in characters. */
  public static final int MAX_LENGTH = 200;
  /** The most tags one entry carries (its cache's and its own together). */
  public static final int MAX_PER_ENTRY = 32;
  private static final String[] NONE = new String[0];

  private Tags() {}

  /**
   * Returns the tags checked, sorted and without repeats.
   *
   * @throws InvalidTagException naming the tag and the rule it breaks
   */
  public static String[] of(Collection<String> tags) {
    if (tags == null) {
      throw new InvalidTagException("tags must not be null. Fix: pass no tags, or a list of names");
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (String tag : tags) {
      sorted.add(check(tag));
    }
    return limited(sorted.toArray(NONE));
  }

  /** Returns the union of two checked tag sets, sorted and without repeats. */
  public static String[] union(String[] first, String[] second) {
    if (second.length == 0) {
      return first;
    }
    if (first.length == 0) {
      return second;
    }
    TreeSet<String> sorted = new TreeSet<>(Arrays.asList(first));
    sorted.addAll(Arrays.asList(second));
    return limited(sorted.toArray(NONE));
  }

  private static String[] limited(String[] tags) {
    if (tags.length > MAX_PER_ENTRY) {
      throw new InvalidTagException(tags.length + " tags on one entry, more than " + MAX_PER_ENTRY
          + ". Fix: tag entries by fewer, broader groups (a cache's tags count too)");
    }
    return tags;
  }

  /**
   * Returns the tag if it follows the rules.
   *
   * @throws InvalidTagException naming the tag and the rule it breaks
   */
  public static String check(String tag) {
    if (tag == null || tag.isBlank()) {
      throw new InvalidTagException("a tag must not be " + (tag == null ? "null" : "blank ('" + tag + "')")
          + ". Fix: name the group of entries, e.g. 'catalog' or 'user:42'");
    }
    if (tag.length() > MAX_LENGTH) {
      throw new InvalidTagException("tag '" + tag.substring(0, 40) + "…' has " + tag.length()
          + " characters, more than " + MAX_LENGTH + ". Fix: use a shorter name (or a hash of a long one)");
    }
    for (int i = 0; i < tag.length(); i++) {
      if (Character.isISOControl(tag.charAt(i))) {
        throw new InvalidTagException("tag '" + tag.replaceAll("\\p{Cntrl}", "?") + "' holds a control character at "
            + i + ". Fix: use printable characters only");
      }
    }
    return tag;
  }
}
