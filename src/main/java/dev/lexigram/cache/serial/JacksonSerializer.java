package dev.lexigram.cache.serial;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Objects;

/**
 * The JSON format: Jackson with class-name type ids wherever the declared type is not final
 * ({@link AllowlistTypeResolverBuilder}), never unchecked default typing. The root value is written
 * as {@code Object}, so its class travels with it. {@code java.time} values are ISO-8601 strings
 * (zoned values keep their zone id); records and beans go through their accessors.
 *
 * <p>Known limit of JSON: map keys in untyped positions (a root {@code Map}, or a {@code Map<Object, ?>})
 * come back as strings. Thread-safe: the reader and writer are immutable.
 */
final class JacksonSerializer implements Serializer {

  static final String NAME = "json";

  /** The fix named when the JSON format is chosen in configuration. */
  static final String FIX =
      "make it a record or a bean with a default constructor, or choose serializer: java / kryo";

  private final ObjectWriter writer;
  private final ObjectReader reader;
  private final String fix;

  JacksonSerializer(TypeAllowlist allowlist, ClassLoader classLoader) {
    this(allowlist, classLoader, FIX);
  }

  /** @param fix what a message about a class JSON cannot write or read tells the user to do */
  JacksonSerializer(TypeAllowlist allowlist, ClassLoader classLoader, String fix) {
    this.fix = fix;
    ObjectMapper mapper = JsonMapper.builder()
        .typeFactory(TypeFactory.defaultInstance().withClassLoader(classLoader)) // before modules add to it
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .addModule(new JdkTypesModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // entries may outlive a field
        .setDefaultTyping(new AllowlistTypeResolverBuilder(allowlist))
        .build();
    this.writer = mapper.writerFor(Object.class);
    this.reader = mapper.readerFor(Object.class);
  }

  @Override
  public byte[] serialize(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return writer.writeValueAsBytes(value);
    } catch (IOException | RuntimeException e) {
      SerializationException own = Failures.findOwn(e);
      if (own != null) {
        throw own;
      }
      throw Failures.notWritable(NAME, failingClass(e, value.getClass()), Failures.shortMessage(e), e, fix);
    }
  }

  @Override
  public Object deserialize(byte[] payload) {
    return deserialize(Objects.requireNonNull(payload, "payload"), 0, payload.length);
  }

  @Override
  public Object deserialize(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    Object value;
    try {
      value = reader.readValue(bytes, offset, length);
    } catch (IOException | RuntimeException e) {
      SerializationException own = Failures.findOwn(e);
      if (own != null) {
        throw own;
      }
      Class<?> uncreatable = uncreatableClass(e);
      if (uncreatable != null) {
        throw Failures.notReadable(NAME, uncreatable.getName(), e, fix);
      }
      throw Failures.corrupt(NAME, "not a JSON payload of this serializer", e);
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

  /** Returns the class Jackson could not instantiate (no usable creator, abstract), or null. */
  private static Class<?> uncreatableClass(Exception e) {
    if (e instanceof InvalidDefinitionException definition && definition.getType() != null) {
      return definition.getType().getRawClass();
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
        && mismatch.getOriginalMessage().startsWith("Cannot construct instance of")) {
      return mismatch.getTargetType();
    }
    return null;
  }

  private static String failingClass(Exception e, Class<?> valueClass) {
    if (e instanceof InvalidDefinitionException definition && definition.getType() != null) {
      return definition.getType().getRawClass().getName();
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      Object from = mapping.getPath().get(mapping.getPath().size() - 1).getFrom();
      if (from != null) {
        return from.getClass().getName();
      }
    }
    return valueClass.getName();
  }
}
