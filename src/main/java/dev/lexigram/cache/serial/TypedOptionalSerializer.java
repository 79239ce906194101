package dev.lexigram.cache.serial;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.ReferenceTypeSerializer;
import com.fasterxml.jackson.databind.type.ReferenceType;
import com.fasterxml.jackson.databind.util.NameTransformer;
import com.fasterxml.jackson.datatype.jdk8.OptionalSerializer;
import java.io.IOException;
import java.util.Optional;

/**
 * The jdk8 module's {@code Optional} serializer, except where a type id is due (an {@code Optional}
 * as the root value or in an untyped slot): there Jackson would write only the content, so the
 * value would come back as the bare content or null. This writes
 * {@code ["java.util.Optional", content]}, which Jackson's Optional deserializer reads back.
 */
final class TypedOptionalSerializer extends OptionalSerializer {

  private static final long serialVersionUID = 1L;

  TypedOptionalSerializer(ReferenceType type, boolean staticTyping, TypeSerializer contentTypeSerializer,
      JsonSerializer<Object> contentSerializer) {
    super(type, staticTyping, contentTypeSerializer, contentSerializer);
  }

  private TypedOptionalSerializer(TypedOptionalSerializer base, BeanProperty property, TypeSerializer vts,
      JsonSerializer<?> valueSer, NameTransformer unwrapper, Object suppressableValue, boolean suppressNulls) {
    super(base, property, vts, valueSer, unwrapper, suppressableValue, suppressNulls);
  }

  @Override
  protected ReferenceTypeSerializer<Optional<?>> withResolved(BeanProperty property, TypeSerializer vts,
      JsonSerializer<?> valueSer, NameTransformer unwrapper) {
    return new TypedOptionalSerializer(this, property, vts, valueSer, unwrapper, _suppressableValue, _suppressNulls);
  }

  @Override
  public ReferenceTypeSerializer<Optional<?>> withContentInclusion(Object suppressableValue, boolean suppressNulls) {
    return new TypedOptionalSerializer(this, _property, _valueTypeSerializer, _valueSerializer, _unwrapper,
        suppressableValue, suppressNulls);
  }

  @Override
  public void serializeWithType(Optional<?> value, JsonGenerator g, SerializerProvider provider,
      TypeSerializer typeSer) throws IOException {
    WritableTypeId typeId = typeSer.writeTypePrefix(g, typeSer.typeId(value, JsonToken.VALUE_EMBEDDED_OBJECT));
    serialize(value, g, provider);
    typeSer.writeTypeSuffix(g, typeId);
  }
}
