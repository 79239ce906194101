package dev.lexigram.cache.serial;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.impl.ClassNameIdResolver;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;

/**
 * Default typing for the JSON serializer: a class-name type id ({@code "@class"}, or a wrapper
 * array for scalars) wherever the declared type is not final, as Jackson's {@code NON_FINAL}
 * does, so that elements of untyped collections and maps keep their classes. Reading is guarded by
 * {@link AllowlistTypeValidator}; writing checks the allowlist too, so that a value that could not
 * be read back fails when it is written. A type id naming {@code Optional} yields the reference
 * type {@code Optional<Object>}, so that the content is read with its own type id.
 */
final class AllowlistTypeResolverBuilder extends ObjectMapper.DefaultTypeResolverBuilder {

  private static final long serialVersionUID = 1L;

  private final transient TypeAllowlist allowlist;

  AllowlistTypeResolverBuilder(TypeAllowlist allowlist) {
    super(ObjectMapper.DefaultTyping.NON_FINAL, new AllowlistTypeValidator(allowlist));
    this.allowlist = allowlist;
    init(JsonTypeInfo.Id.CLASS, null);
    inclusion(JsonTypeInfo.As.PROPERTY);
    typeProperty("@class");
  }

  @Override
  protected TypeIdResolver idResolver(MapperConfig<?> config, JavaType baseType,
      PolymorphicTypeValidator validator, Collection<NamedType> subtypes, boolean forSer, boolean forDeser) {
    return new WriteCheckingIdResolver(baseType, config.getTypeFactory(), subtypes, validator, allowlist);
  }

  /** Class-name ids that refuse, on write, classes outside the allowlist. */
  private static final class WriteCheckingIdResolver extends ClassNameIdResolver {

    private static final long serialVersionUID = 1L;

    private final transient TypeAllowlist allowlist;

    WriteCheckingIdResolver(JavaType baseType, TypeFactory typeFactory, Collection<NamedType> subtypes,
        PolymorphicTypeValidator validator, TypeAllowlist allowlist) {
      super(baseType, typeFactory, subtypes, validator);
      this.allowlist = allowlist;
    }

    @Override
    protected String _idFrom(Object value, Class<?> cls, TypeFactory typeFactory) {
      if (!allowlist.admitsWrite(cls)) {
        throw Failures.typeNotAllowed(JacksonSerializer.NAME, cls.getName());
      }
      return super._idFrom(value, cls, typeFactory);
    }

    @Override
    protected JavaType _typeFromId(String id, DatabindContext context) throws IOException {
      JavaType type = super._typeFromId(id, context);
      // Specialising Object to Optional skips the jdk8 type modifier, leaving a plain type whose
      // content would be read untyped; construct it afresh as the reference type Optional<Object>.
      if (type.getRawClass() == Optional.class && !type.isReferenceType()) {
        return context.getTypeFactory().constructType(Optional.class);
      }
      return type;
    }
  }
}
