package dev.lexigram.cache.serial;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Jackson's check of every type id read from a payload: a name that cannot be on the allowlist is
 * refused before its class is loaded, and a loaded class must be on the allowlist. Refusals throw
 * {@link SerializationException} with {@code TYPE_NOT_ALLOWED}, which the serializer unwraps.
 */
final class AllowlistTypeValidator extends PolymorphicTypeValidator.Base {

  private static final long serialVersionUID = 1L;

  private final transient TypeAllowlist allowlist;

  AllowlistTypeValidator(TypeAllowlist allowlist) {
    this.allowlist = allowlist;
  }

  @Override
  public Validity validateBaseType(MapperConfig<?> config, JavaType baseType) {
    return Validity.INDETERMINATE;
  }

  @Override
  public Validity validateSubClassName(MapperConfig<?> config, JavaType baseType, String subClassName) {
    if (!allowlist.mayAllow(subClassName)) {
      throw allowlist.refuseOnRead(JacksonSerializer.NAME, subClassName);
    }
    return Validity.INDETERMINATE; // load it, then validateSubType decides on the class
  }

  @Override
  public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
    if (!allowlist.allows(subType.getRawClass())) {
      throw allowlist.refuseOnRead(JacksonSerializer.NAME, subType.getRawClass().getName());
    }
    return Validity.ALLOWED;
  }
}
