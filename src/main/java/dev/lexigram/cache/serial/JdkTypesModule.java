package dev.lexigram.cache.serial;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.databind.type.ReferenceType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.Converter;
import java.util.Optional;

/**
 * Teaches Jackson the JDK types it does not round-trip by class: {@code Optional} in typed slots
 * ({@link TypedOptionalSerializer}) and the unmodifiable collections of {@link JdkCollectionShapes},
 * which are read into their carrier collection (with the declared element types) and rebuilt.
 * Register it after the jdk8 module so that its Optional serializer wins.
 */
final class JdkTypesModule extends Module {

  @Override
  public String getModuleName() {
    return "lexigram-jdk-types";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addSerializers(new OptionalSerializers());
    context.addDeserializers(new ShapeDeserializers());
  }

  private static final class OptionalSerializers extends Serializers.Base {
    @Override
    public JsonSerializer<?> findReferenceSerializer(SerializationConfig config, ReferenceType type,
        BeanDescription beanDesc, TypeSerializer contentTypeSerializer, JsonSerializer<Object> contentSerializer) {
      if (type.getRawClass() != Optional.class) {
        return null;
      }
      boolean staticTyping = contentTypeSerializer == null
          && config.isEnabled(com.fasterxml.jackson.databind.MapperFeature.USE_STATIC_TYPING);
      return new TypedOptionalSerializer(type, staticTyping, contentTypeSerializer, contentSerializer);
    }
  }

  private static final class ShapeDeserializers extends Deserializers.Base {
    @Override
    public JsonDeserializer<?> findCollectionDeserializer(CollectionType type, DeserializationConfig config,
        BeanDescription beanDesc, TypeDeserializer elementTypeDeserializer, JsonDeserializer<?> elementDeserializer) {
      JdkCollectionShapes.Shape shape = JdkCollectionShapes.of(type.getRawClass());
      if (shape == null) {
        return null;
      }
      TypeFactory types = config.getTypeFactory();
      return delegating(shape, types.constructCollectionType(rawCollection(shape), type.getContentType()), type);
    }

    @Override
    public JsonDeserializer<?> findMapDeserializer(MapType type, DeserializationConfig config,
        BeanDescription beanDesc, KeyDeserializer keyDeserializer, TypeDeserializer elementTypeDeserializer,
        JsonDeserializer<?> elementDeserializer) {
      JdkCollectionShapes.Shape shape = JdkCollectionShapes.of(type.getRawClass());
      if (shape == null) {
        return null;
      }
      TypeFactory types = config.getTypeFactory();
      return delegating(shape, types.constructMapType(rawMap(shape), type.getKeyType(), type.getContentType()), type);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends java.util.Collection<?>> rawCollection(JdkCollectionShapes.Shape shape) {
      return (Class<? extends java.util.Collection<?>>) shape.carrier();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends java.util.Map<?, ?>> rawMap(JdkCollectionShapes.Shape shape) {
      return (Class<? extends java.util.Map<?, ?>>) shape.carrier();
    }

    private static JsonDeserializer<?> delegating(JdkCollectionShapes.Shape shape, JavaType carrier, JavaType target) {
      return new StdDelegatingDeserializer<>(new Converter<Object, Object>() {
        @Override
        public Object convert(Object value) {
          return shape.rebuild().apply(value);
        }

        @Override
        public JavaType getInputType(TypeFactory typeFactory) {
          return carrier;
        }

        @Override
        public JavaType getOutputType(TypeFactory typeFactory) {
          return target;
        }
      });
    }
  }
}
