package dev.lexigram.cache.serial;

import java.io.ObjectInputFilter;

/**
 * The {@link ObjectInputFilter} of one JDK deserialization: classes must be on the allowlist and
 * the graph within fixed limits. Remembers what it rejected, so that the serializer can say which
 * class or limit was at fault. One instance per stream; not thread-safe.
 */
final class AllowlistInputFilter implements ObjectInputFilter {

  /** Deepest nesting of objects accepted; cache values are shallow, gadget chains and bombs are not. */
  static final int MAX_DEPTH = 100;
  /** Longest array accepted, in elements (64 Mi: a 64 MiB {@code byte[]}). */
  static final int MAX_ARRAY_LENGTH = 64 * 1024 * 1024;
  /** Most object references accepted in one payload. */
  static final int MAX_REFERENCES = 1_000_000;

  private final TypeAllowlist allowlist;
  private final Class<?> internal;
  private final Class<?> internal2;
  private String rejectedClass;
  private String exceededLimit;

  /**
   * @param internal a class of ours that the stream may also carry (the Optional stand-in)
   * @param internal2 another (the record stand-in)
   */
  AllowlistInputFilter(TypeAllowlist allowlist, Class<?> internal, Class<?> internal2) {
    this.allowlist = allowlist;
    this.internal = internal;
    this.internal2 = internal2;
  }

  /** Returns whether the name is one of the stand-in classes of ours the stream may carry. */
  boolean isInternal(String className) {
    return className.equals(internal.getName()) || className.equals(internal2.getName());
  }

  @Override
  public Status checkInput(FilterInfo info) {
    if (info.depth() > MAX_DEPTH) {
      return exceeded("nesting deeper than " + MAX_DEPTH);
    }
    if (info.arrayLength() > MAX_ARRAY_LENGTH) {
      return exceeded("an array longer than " + MAX_ARRAY_LENGTH + " elements");
    }
    if (info.references() > MAX_REFERENCES) {
      return exceeded("more than " + MAX_REFERENCES + " object references");
    }
    Class<?> type = info.serialClass();
    if (type == null) {
      return Status.UNDECIDED;
    }
    if (type == internal || type == internal2 || allowlist.allows(type)) {
      return Status.ALLOWED;
    }
    rejectedClass = type.getName();
    return Status.REJECTED;
  }

  /** Returns false if a class of this binary name must not even be loaded. */
  boolean mayLoad(String className) {
    return allowlist.mayAllow(className);
  }

  /** Records a class refused by name before it was loaded. */
  void reject(String className) {
    rejectedClass = className;
  }

  /** Returns the binary name of the class refused, or null. */
  String rejectedClass() {
    return rejectedClass;
  }

  /** Returns the limit the payload went over, or null. */
  String exceededLimit() {
    return exceededLimit;
  }

  private Status exceeded(String limit) {
    exceededLimit = limit;
    return Status.REJECTED;
  }
}
