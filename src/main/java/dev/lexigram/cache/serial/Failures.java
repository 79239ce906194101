package dev.lexigram.cache.serial;

import dev.lexigram.cache.serial.SerializationException.Reason;

/**
 * Builds the {@link SerializationException}s of this package, so that every message names the
 * class, the serializer and the fix in the same words. Factories return the exception; callers throw.
 */
final class Failures {

  private static final int MAX_CAUSE_LENGTH = 200;

  private Failures() {}

  static SerializationException notWritable(String serializer, String className, String why, Throwable cause,
      String fix) {
    return new SerializationException(Reason.NOT_WRITABLE, "Cannot serialize " + className + " with the "
        + serializer + " serializer: " + why + ". Fix: " + fix, cause);
  }

  /** A class this format can write but not read back (no creator, say); same reason as on write. */
  static SerializationException notReadable(String serializer, String className, Throwable cause, String fix) {
    return new SerializationException(Reason.NOT_WRITABLE, "Cannot deserialize " + className + " with the "
        + serializer + " serializer: " + shortMessage(cause) + ". Fix: " + fix, cause);
  }

  static SerializationException typeNotAllowed(String serializer, String className) {
    String element = className.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
    int dot = element.lastIndexOf('.');
    String pkg = dot < 0 ? "" : " (or \"" + element.substring(0, dot) + ".*\")";
    return new SerializationException(Reason.TYPE_NOT_ALLOWED, "Type " + element
        + " is not on the allowlist of the " + serializer + " serializer. Fix: add \"" + element + "\""
        + pkg + " to " + TypeAllowlist.CONFIG_KEY);
  }

  static SerializationException corrupt(String serializer, String what, Throwable cause) {
    return new SerializationException(Reason.CORRUPT, "Cannot deserialize a payload with the " + serializer
        + " serializer: " + what + (cause == null ? "" : " (" + shortMessage(cause) + ")")
        + ". Fix: make every writer of this cache use the same serializer settings, or remove the entry",
        cause);
  }

  /** Returns the first {@link SerializationException} in the cause chain of {@code t}, or null. */
  static SerializationException findOwn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SerializationException own) {
        return own;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  /** Returns the first line of a throwable's message, shortened, or its class name if it has none. */
  static String shortMessage(Throwable t) {
    if (t == null) {
      return "unknown cause";
    }
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    String line = message.strip().lines().findFirst().orElse("");
    return line.length() <= MAX_CAUSE_LENGTH ? line : line.substring(0, MAX_CAUSE_LENGTH) + "…";
  }
}
