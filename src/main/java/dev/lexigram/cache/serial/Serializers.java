package dev.lexigram.cache.serial;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Builds {@link Serializer}s: a format, its allowlist, and the optional signing and compression layers. */
public final class Serializers {

  private Serializers() {}

  /**
   * Returns a new builder with the defaults: AUTO (JDK serialization for {@code Serializable}
   * values and records, JSON for other beans), the built-in allowlist only (strict: no learning),
   * the thread's context class loader, no signing, no compression.
   *
   * @return a new builder, never null; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects the settings of one serializer. The built serializer always allows, without
   * configuration: boxed primitives, {@code String}, primitive arrays, {@code BigDecimal},
   * {@code BigInteger}, {@code UUID}, enums of {@code java.*}, the {@code java.time} value types,
   * {@code Optional}, {@code java.util.Date}, and the common {@code java.util} collections and maps
   * including the {@code List.of} and {@code Collections.unmodifiable*}, {@code empty*} and
   * {@code singleton*} implementations. Every other class must be allowed by a pattern.
   */
  public static final class Builder {

    private SerializerFormat format = SerializerFormat.AUTO;
    private final List<String> allowed = new ArrayList<>();
    private ClassLoader classLoader;
    private List<byte[]> signingKeys = List.of();
    private int compressAbove = -1;
    private WrittenTypes writtenTypes;
    private boolean trustAll;

    private Builder() {}

    /**
     * Sets the wire format; AUTO if never called.
     *
     * @param format the format; never null
     * @return this builder
     * @throws NullPointerException if {@code format} is null
     */
    public Builder format(SerializerFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Adds class patterns to the allowlist; calls accumulate. A pattern is a binary class name
     * ({@code com.acme.Order}, {@code com.acme.Outer$Inner}), {@code com.acme.*} for the classes of
     * one package, or {@code com.acme.**} for a package and its sub-packages.
     *
     * @param patterns the patterns; never null, nor any element
     * @return this builder
     * @throws NullPointerException if {@code patterns} or an element is null
     * @throws IllegalArgumentException naming a malformed pattern, or a bare {@code *} / {@code **}
     */
    public Builder allowTypes(Collection<String> patterns) {
      List<String> copy = List.copyOf(patterns);
      TypeAllowlist.of(copy); // validates now, so the error points at the caller
      allowed.addAll(copy);
      return this;
    }

    /**
     * Turns on learning: the serializer writes a value of any class (no allowlist check on
     * write), records every class of every graph it writes in {@code written}, and reads back
     * payloads naming a recorded class beside the built-in and allowed ones. Share one
     * {@code WrittenTypes} between the serializers of one application. Off if never called:
     * then a class outside the allowlist is refused on write too.
     *
     * @param written where written classes are recorded and looked up; never null
     * @return this builder
     * @throws NullPointerException if {@code written} is null
     */
    public Builder trustWrittenTypes(WrittenTypes written) {
      this.writtenTypes = Objects.requireNonNull(written, "written");
      return this;
    }

    /**
     * Admits every class on write and read, with no allowlist: only for payloads that never leave
     * this process (store-by-value copies).
     * The depth, array and reference limits of reading stay.
     *
     * @return this builder
     */
    public Builder trustAllTypes() {
      this.trustAll = true;
      return this;
    }

    /**
     * Sets the loader that classes named in payloads are loaded from; if never called, the
     * context class loader of the thread calling {@link #build()}, or this library's loader.
     *
     * @param classLoader the loader; never null
     * @return this builder
     * @throws NullPointerException if {@code classLoader} is null
     */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Turns on HMAC-SHA256 signing: the first key signs, every key verifies. An empty list turns
     * signing off. The keys are copied; they never appear in logs, messages or {@code toString}.
     *
     * @param keys the keys, newest first; never null, nor any element
     * @return this builder
     * @throws NullPointerException if {@code keys} or an element is null
     * @throws IllegalArgumentException if a key is shorter than 32 bytes (the message says which)
     */
    public Builder signingKeys(List<byte[]> keys) {
      List<byte[]> copy = new ArrayList<>();
      for (byte[] key : keys) {
        copy.add(Objects.requireNonNull(key, "signing key").clone());
      }
      if (!copy.isEmpty()) {
        SigningSerializer.checkKeys(copy);
      }
      this.signingKeys = List.copyOf(copy);
      return this;
    }

    /**
     * Turns on compression of payloads longer than {@code bytes}; shorter ones are stored as they
     * are. Off if never called. When signing is on too, the compressed payload is what is signed,
     * so nothing is decompressed before it is verified.
     *
     * @param bytes the threshold, zero or more
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public Builder compressAbove(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("compressAbove must be zero or more bytes, not " + bytes);
      }
      this.compressAbove = bytes;
      return this;
    }

    /**
     * Returns a new thread-safe serializer with these settings. It implements {@link PayloadGuard}
     * when signing is on.
     *
     * @return the serializer, never null
     * @throws SerializationException with {@code MISSING_DEPENDENCY} if the format is KRYO and
     *     Kryo is not on the class path
     */
    public Serializer build() {
      TypeAllowlist allowlist = trustAll ? TypeAllowlist.trustingAll()
          : writtenTypes != null ? TypeAllowlist.of(allowed).learning(writtenTypes)
          : TypeAllowlist.of(allowed);
      ClassLoader loader = classLoader != null ? classLoader : defaultClassLoader();
      Serializer serializer = switch (format) {
        case AUTO -> new AutoSerializer(new JavaSerializer(allowlist, loader),
            new JacksonSerializer(allowlist, loader, AutoSerializer.JSON_FIX));
        case JSON -> new JacksonSerializer(allowlist, loader);
        case JAVA -> new JavaSerializer(allowlist, loader);
        case KRYO -> KryoSupport.create(allowlist, loader);
      };
      if (format != SerializerFormat.KRYO) {
        // Kryo writes byte[] and String about as cheaply itself, and its first byte could be a tag
        serializer = new PassthroughSerializer(serializer);
      }
      if (compressAbove >= 0) {
        serializer = new CompressingSerializer(serializer, compressAbove);
      }
      if (!signingKeys.isEmpty()) {
        serializer = new SigningSerializer(serializer, signingKeys);
      }
      return serializer;
    }

    private static ClassLoader defaultClassLoader() {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return context != null ? context : Serializers.class.getClassLoader();
    }
  }
}
