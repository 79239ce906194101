package dev.lexigram.cache.serial;

import dev.lexigram.cache.serial.SerializationException.Reason;

/**
 * The one door to the Kryo format. Kryo is an optional dependency: this class checks that it is on
 * the class path before anything that links against it is loaded, and turns its absence into a
 * {@link Reason#MISSING_DEPENDENCY} naming the artifact to add.
 */
final class KryoSupport {

  static final String ARTIFACT = "com.esotericsoftware:kryo:5.6.2";
  private static final String KRYO_CLASS = "com.esotericsoftware.kryo.Kryo";

  private KryoSupport() {}

  /**
   * Returns a Kryo serializer, having built one Kryo instance to prove the dependencies link.
   *
   * @throws SerializationException with {@link Reason#MISSING_DEPENDENCY} if Kryo or one of its
   *     own dependencies is missing
   */
  static Serializer create(TypeAllowlist allowlist, ClassLoader classLoader) {
    try {
      Class.forName(KRYO_CLASS, false, KryoSupport.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw missing(KRYO_CLASS + " is not on the class path", e);
    }
    try {
      return new KryoSerializer(allowlist, classLoader);
    } catch (LinkageError e) {
      throw missing("a class Kryo needs is missing (" + Failures.shortMessage(e) + ")", e);
    }
  }

  private static SerializationException missing(String what, Throwable cause) {
    return new SerializationException(Reason.MISSING_DEPENDENCY, "The kryo serializer cannot start: " + what
        + ". Fix: add " + ARTIFACT + " (with its dependencies) to the class path, or choose serializer: json",
        cause);
  }
}
