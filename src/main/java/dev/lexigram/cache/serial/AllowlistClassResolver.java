package dev.lexigram.cache.serial;

import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultClassResolver;

/**
 * Kryo's class registry, opened only to the allowlist: an unregistered class is registered by
 * name when it is on the allowlist and refused with {@code TYPE_NOT_ALLOWED} otherwise, and a
 * class name read from a payload that cannot be on the allowlist is refused before it is loaded.
 * JDK unmodifiable collections get a {@link ShapeKryoSerializer}. One instance per Kryo.
 */
final class AllowlistClassResolver extends DefaultClassResolver {

  private final TypeAllowlist allowlist;
  private boolean open;
  private boolean writing;

  AllowlistClassResolver(TypeAllowlist allowlist) {
    this.allowlist = allowlist;
  }

  /**
   * Says whether the Kryo instance is writing (a learning allowlist then admits and records any
   * class) or reading (only classes the allowlist admits); reading unless set.
   */
  void writing(boolean writing) {
    this.writing = writing;
  }

  /** Starts registering on demand; until then (while Kryo registers its built-ins) it only records. */
  void open() {
    open = true;
  }

  @Override
  @SuppressWarnings("rawtypes") // Kryo's signature
  public Registration getRegistration(Class type) {
    Registration registration = super.getRegistration(type);
    if (registration != null || !open || isEnumConstantBody(type)) {
      return registration; // Kryo resolves an enum constant's body through its enum
    }
    if (writing ? !allowlist.admitsWrite(type) : !allowlist.allows(type)) {
      throw writing ? Failures.typeNotAllowed(KryoSerializer.NAME, type.getName())
          : allowlist.refuseOnRead(KryoSerializer.NAME, type.getName());
    }
    return registerImplicit(type);
  }

  @Override
  @SuppressWarnings("rawtypes") // Kryo's signature
  public Registration registerImplicit(Class type) {
    JdkCollectionShapes.Shape shape = JdkCollectionShapes.of(type);
    com.esotericsoftware.kryo.Serializer<?> serializer =
        shape != null ? new ShapeKryoSerializer(shape) : kryo.getDefaultSerializer(type);
    return register(new Registration(type, serializer, NAME));
  }

  @Override
  @SuppressWarnings("rawtypes") // Kryo's signature
  protected void writeName(Output output, Class type, Registration registration) {
    // an enum constant's body is written as its enum, whose name the allowlist knows
    super.writeName(output, isEnumConstantBody(type) ? registration.getType() : type, registration);
  }

  /**
   * Forgets the class names written or read since the last payload, as Kryo does only when
   * registration is not required. Classes registered here on demand are written by name, and a
   * name is written once per session and as an id after that: kept across payloads, a payload
   * would carry only the id, which a reader with other Kryo instances (another pooled instance,
   * another process) does not know. So every payload carries the names it needs.
   */
  @Override
  public void reset() {
    super.reset();
    if (classToNameId != null) {
      classToNameId.clear(2048);
    }
    if (nameIdToClass != null) {
      nameIdToClass.clear();
    }
    nextNameId = 0;
  }

  @Override
  protected Class<?> getTypeByName(String className) {
    if (!allowlist.mayAllow(className)) {
      throw allowlist.refuseOnRead(KryoSerializer.NAME, className);
    }
    return super.getTypeByName(className);
  }

  private static boolean isEnumConstantBody(Class<?> type) {
    return !type.isEnum() && Enum.class.isAssignableFrom(type) && type != Enum.class;
  }
}
