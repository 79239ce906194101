package dev.lexigram.cache.config;

import static java.util.Objects.requireNonNull;

import javax.cache.CacheException;

/**
 * Thrown when lexigram-cache configuration cannot be used. The message always has the form
 * {@code Invalid lexigram-cache configuration in <source>: <key>: <problem>. Fix: <fix>}, for
 * example {@code Invalid lexigram-cache configuration in classpath:lexigram-cache.yaml:
 * cache.backends[1].max_size: must be zero or positive, got -5. Fix: set a positive entry count,
 * or remove the key for an unbounded cache.} Messages never contain passwords or signing keys.
 */
public final class InvalidConfigurationException extends CacheException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String key;
  private final String problem;
  private final String fix;

  /**
   * Creates the exception; all arguments are non-null.
   *
   * @param source where the configuration came from, e.g. {@code file:/etc/app/cache.yaml}
   * @param key the dotted path of the offending key, e.g. {@code cache.backends[1].url}
   * @param problem what is wrong, without a trailing period
   * @param fix what the user should do
   * @throws NullPointerException if an argument is null
   */
  public InvalidConfigurationException(String source, String key, String problem, String fix) {
    this(source, key, problem, fix, null);
  }

  /**
   * Creates the exception with the failure that caused it.
   *
   * @param source where the configuration came from
   * @param key the dotted path of the offending key
   * @param problem what is wrong, without a trailing period
   * @param fix what the user should do
   * @param cause the underlying failure (an I/O or YAML syntax error), or null
   * @throws NullPointerException if source, key, problem or fix is null
   */
  public InvalidConfigurationException(
      String source, String key, String problem, String fix, Throwable cause) {
    super(format(source, key, problem, fix), cause);
    this.source = source;
    this.key = key;
    this.problem = problem;
    this.fix = fix;
  }

  /** Returns where the configuration came from ({@code classpath:…}, {@code file:…}, …); never null. */
  public String source() {
    return source;
  }

  /** Returns the dotted path of the offending key, e.g. {@code cache.backends[1].url}; never null. */
  public String key() {
    return key;
  }

  /** Returns what is wrong, without the source, key or fix; never null. */
  public String problem() {
    return problem;
  }

  /** Returns what the user should do about it; never null. */
  public String fix() {
    return fix;
  }

  private static String format(String source, String key, String problem, String fix) {
    requireNonNull(source, "source");
    requireNonNull(key, "key");
    String advice = requireNonNull(fix, "fix").endsWith(".") ? fix : fix + ".";
    return "Invalid lexigram-cache configuration in " + source + ": " + key + ": "
        + sentence(requireNonNull(problem, "problem")) + " Fix: " + advice;
  }

  /** The problem as a sentence: its own closing mark (a question keeps its "?"), else a period. */
  private static String sentence(String problem) {
    return (problem.endsWith(".") || problem.endsWith("?")) ? problem : problem + ".";
  }
}
