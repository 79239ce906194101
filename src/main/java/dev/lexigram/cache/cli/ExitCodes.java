package dev.lexigram.cache.cli;

/** What the command line's exit status means, for scripts. */
public final class ExitCodes {

  /** Done. */
  public static final int OK = 0;
  /** The key (or the semantic answer) is not there. */
  public static final int NOT_FOUND = 1;
  /** The command line itself is wrong (picocli's own code for it). */
  public static final int USAGE = 2;
  /** A backend failed: down, timed out, refused the call; or the configuration cannot be used. */
  public static final int BACKEND_ERROR = 3;
  /** A destructive command was not confirmed. */
  public static final int NOT_CONFIRMED = 4;

  private ExitCodes() {}
}
