package dev.lexigram.cache.serial;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The JDK serialization format, read through an {@link AllowlistInputFilter} (classes on the
 * allowlist; depth, array and reference limits). Class names outside the allowlist are refused
 * before they are loaded, and dynamic proxies are refused. Writing checks the allowlist too (or,
 * learning, records what it writes). {@code Optional}, which is not {@code Serializable}, travels
 * as a private stand-in and comes back as an {@code Optional}; so does a record that is not
 * {@code Serializable} ({@link RecordComponents}). Thread-safe: every call uses its own streams.
 */
final class JavaSerializer implements Serializer {

  static final String NAME = "java";

  private final TypeAllowlist allowlist;
  private final ClassLoader classLoader;

  JavaSerializer(TypeAllowlist allowlist, ClassLoader classLoader) {
    this.allowlist = allowlist;
    this.classLoader = classLoader;
  }

  @Override
  public byte[] serialize(Object value) {
    Objects.requireNonNull(value, "value");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (ObjectOutputStream out = new CheckingOutputStream(bytes, allowlist)) {
      out.writeObject(value);
    } catch (NotSerializableException e) {
      throw Failures.notWritable(NAME, e.getMessage(), "it does not implement java.io.Serializable", e,
          "add implements Serializable to it (and to the classes of its fields), or choose serializer: json");
    } catch (IOException | RuntimeException e) {
      SerializationException own = Failures.findOwn(e);
      if (own != null) {
        throw own;
      }
      throw Failures.notWritable(NAME, value.getClass().getName(), Failures.shortMessage(e), e,
          "make it serializable with the JDK, or choose serializer: json");
    }
    return bytes.toByteArray();
  }

  @Override
  public Object deserialize(byte[] payload) {
    return deserialize(Objects.requireNonNull(payload, "payload"), 0, payload.length);
  }

  @Override
  public Object deserialize(byte[] payload, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, payload.length);
    AllowlistInputFilter filter = new AllowlistInputFilter(allowlist, OptionalValue.class, RecordComponents.class);
    ByteArrayInputStream bytes = new ByteArrayInputStream(payload, offset, length);
    try (FilteringInputStream in = new FilteringInputStream(bytes, filter, classLoader)) {
      Object value = in.readObject();
      if (bytes.available() > 0) {
        throw Failures.corrupt(NAME, "bytes follow the serialized object", null);
      }
      if (value == null) {
        throw Failures.corrupt(NAME, "the payload holds null", null);
      }
      return value;
    } catch (InvalidClassException e) {
      if (filter.rejectedClass() != null) {
        throw allowlist.refuseOnRead(NAME, filter.rejectedClass());
      }
      String limit = filter.exceededLimit();
      throw Failures.corrupt(NAME, limit == null ? "a class in it does not match the local one" : "it has " + limit, e);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      SerializationException own = Failures.findOwn(e);
      if (own != null) {
        throw own;
      }
      throw Failures.corrupt(NAME, "not a JDK-serialized payload readable here", e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** What an {@code Optional} is written as. */
  private record OptionalValue(Object value) implements Serializable {}

  /** Refuses classes outside the allowlist as they are written; swaps Optional for its stand-in. */
  private static final class CheckingOutputStream extends ObjectOutputStream {
    private final TypeAllowlist allowlist;
    private boolean failing;

    CheckingOutputStream(OutputStream out, TypeAllowlist allowlist) throws IOException {
      super(out);
      this.allowlist = allowlist;
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object obj) {
      if (obj instanceof IOException) {
        failing = true; // a failed writeObject writes its exception into the stream we discard
      }
      if (failing) {
        return obj;
      }
      if (obj instanceof Optional<?> optional) {
        return new OptionalValue(optional.orElse(null));
      }
      if (!allowlist.admitsWrite(obj.getClass())) {
        throw Failures.typeNotAllowed(NAME, obj.getClass().getName());
      }
      return obj instanceof Record record && !(obj instanceof Serializable) ? RecordComponents.of(record) : obj;
    }
  }

  /** Resolves classes in the configured loader, never loading a name the allowlist cannot allow. */
  private static final class FilteringInputStream extends ObjectInputStream {
    private final AllowlistInputFilter filter;
    private final ClassLoader classLoader;

    FilteringInputStream(InputStream in, AllowlistInputFilter filter, ClassLoader classLoader) throws IOException {
      super(in);
      this.filter = filter;
      this.classLoader = classLoader;
      setObjectInputFilter(filter);
      enableResolveObject(true);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      String name = desc.getName();
      if (!filter.isInternal(name) && !filter.mayLoad(name)) {
        filter.reject(name);
        throw new InvalidClassException(name, "not on the allowlist");
      }
      try {
        return Class.forName(name, false, classLoader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc); // primitives and classes of the platform loader
      }
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
      filter.reject(java.lang.reflect.Proxy.class.getName());
      throw new InvalidClassException("dynamic proxies are not allowed: " + String.join(", ", interfaces));
    }

    @Override
    protected Object resolveObject(Object obj) {
      if (obj instanceof OptionalValue optional) {
        return Optional.ofNullable(optional.value());
      }
      return obj instanceof RecordComponents record ? record.toRecord() : obj;
    }
  }
}
