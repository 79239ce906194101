package dev.lexigram.cache.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.Objects;

/**
 * The Kryo format: registration required, with {@link AllowlistClassResolver} registering (by
 * name) only classes on the allowlist; references on, so shared and cyclic objects survive;
 * objects without a no-arg constructor created through Objenesis; records through Kryo's record
 * serializer. Load only through {@link KryoSupport}.
 *
 * <p>Thread-safe: Kryo instances are not, so each call borrows one from a {@link KryoPool} and
 * returns it; an instance that failed mid-graph is dropped rather than returned.
 */
final class KryoSerializer implements Serializer {

  static final String NAME = "kryo";

  private static final int MAX_DEPTH = 100;

  private final KryoPool pool;

  KryoSerializer(TypeAllowlist allowlist, ClassLoader classLoader) {
    this.pool = new KryoPool(() -> newKryo(allowlist, classLoader));
    pool.free(pool.obtain()); // fail now, not on the first put, if Kryo's own dependencies are missing
  }

  @Override
  public byte[] serialize(Object value) {
    Objects.requireNonNull(value, "value");
    Kryo kryo = pool.obtain();
    try {
      Output output = new Output(256, -1);
      AllowlistClassResolver resolver = (AllowlistClassResolver) kryo.getClassResolver();
      resolver.writing(true);
      kryo.writeClassAndObject(output, value);
      resolver.writing(false);
      pool.free(kryo);
      return output.toBytes();
    } catch (RuntimeException e) {
      SerializationException own = Failures.findOwn(e);
      throw own != null ? own : Failures.notWritable(NAME, value.getClass().getName(), Failures.shortMessage(e), e,
          "make it a record or a plain class of fields Kryo can write, or choose serializer: json / java");
    }
  }

  @Override
  public Object deserialize(byte[] payload) {
    return deserialize(Objects.requireNonNull(payload, "payload"), 0, payload.length);
  }

  @Override
  public Object deserialize(byte[] payload, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, payload.length);
    Kryo kryo = pool.obtain();
    Object value;
    try {
      Input input = new KryoLengthChecks.CheckedInput(payload, offset, length);
      value = kryo.readClassAndObject(input);
      if (input.position() != offset + length) {
        throw Failures.corrupt(NAME, "bytes follow the serialized object", null);
      }
      pool.free(kryo);
    } catch (RuntimeException e) { // crafted input breaks Kryo, and our rebuilds, in many ways
      SerializationException own = Failures.findOwn(e);
      throw own != null ? own : Failures.corrupt(NAME, "not a Kryo payload readable here", e);
    }
    if (value == null) {
      throw Failures.corrupt(NAME, "the payload holds null", null);
    }
    return value;
  }

  @Override
  public String name() {
    return NAME;
  }

  private static Kryo newKryo(TypeAllowlist allowlist, ClassLoader classLoader) {
    AllowlistClassResolver resolver = new AllowlistClassResolver(allowlist);
    Kryo kryo = new Kryo(resolver, new com.esotericsoftware.kryo.util.MapReferenceResolver());
    kryo.setRegistrationRequired(true);
    kryo.setReferences(true);
    kryo.setClassLoader(classLoader);
    kryo.setMaxDepth(MAX_DEPTH);
    kryo.setInstantiatorStrategy(new com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy(
        new org.objenesis.strategy.StdInstantiatorStrategy()));
    // UUID has no Kryo default and its fields are closed to reflection on Java 17
    kryo.addDefaultSerializer(java.util.UUID.class, new com.esotericsoftware.kryo.serializers.DefaultSerializers.UUIDSerializer());
    KryoLengthChecks.install(kryo);
    resolver.open();
    return kryo;
  }
}
