/**
 * Value serialization for the cache: the {@link dev.lexigram.cache.serial.Serializer} SPI, its
 * JSON (Jackson), Kryo and JDK implementations, and the signing and compression decorators, all
 * built through {@link dev.lexigram.cache.serial.Serializers#builder()}.
 *
 * <p>Every format reads and writes only the types on an allowlist: a fixed set of JDK value and
 * collection types plus the patterns given to
 * {@link dev.lexigram.cache.serial.Serializers.Builder#allowTypes(java.util.Collection)}. A payload
 * naming any other class is refused before that class is instantiated.
 *
 * <p>{@link dev.lexigram.cache.serial.Copier} gives the cache layer its store-by-value copies.
 *
 * <p>Nullness: parameters and return values are non-null unless their javadoc says otherwise.
 * This package depends on no other package of the project; the Kryo classes are loaded only when
 * {@link dev.lexigram.cache.serial.SerializerFormat#KRYO} is chosen.
 */
package dev.lexigram.cache.serial;
