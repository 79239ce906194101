package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.serial.SerializationException.Reason;
import dev.lexigram.cache.testing.RecordingClassLoader;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The trust rules of payloads read back from a server (docs/security.md), one by one: the classes
 * this process wrote, the JDK's value types, the known framework types and {@code allowed_types}
 * are read; every other class is refused before it is loaded; signing keys rotate as before.
 */
class TrustRulesTest {

  /** A class of the application. */
  public record Invoice(String number, BigDecimal total) implements Serializable {}

  /** A class of the application that is not Serializable: the AUTO format writes it as JSON. */
  public static final class Note {
    public String text = "hello";
  }

  /** Another class of the application, never written by the reader's process. */
  public record Secret(String value) implements Serializable {}

  private static Serializer learning(SerializerFormat format, WrittenTypes written, String... allowed) {
    return Serializers.builder().format(format).trustWrittenTypes(written).allowTypes(List.of(allowed)).build();
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void ownClasses_writtenByThisProcess_areReadBack(SerializerFormat format) {
    WrittenTypes written = new WrittenTypes();
    Serializer serializer = learning(format, written);
    List<Object> value = new ArrayList<>(List.of(new Invoice("A-1", new BigDecimal("9.50"))));

    byte[] payload = serializer.serialize(value);

    assertThat(written.contains(Invoice.class.getName())).isTrue();
    assertThat(learning(format, written).deserialize(payload)).isEqualTo(value);
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void classNeverWritten_isRefusedBeforeItIsLoaded(SerializerFormat format) {
    byte[] payload = learning(format, new WrittenTypes()).serialize(new Secret("s"));
    RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());
    Serializer reader = Serializers.builder().format(format).trustWrittenTypes(new WrittenTypes())
        .classLoader(loader).build();

    assertThatThrownBy(() -> reader.deserialize(payload))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED))
        .hasMessageContaining(Secret.class.getName())
        .hasMessageContaining("cache.service.allowed_types");
    assertThat(loader.requested).doesNotContain(Secret.class.getName());
  }

  @Test
  void beanWrittenAsJson_isReadBackByItsWriter_andRefusedByAStranger() {
    WrittenTypes written = new WrittenTypes();
    byte[] payload = learning(SerializerFormat.AUTO, written).serialize(new Note());

    assertThat(learning(SerializerFormat.AUTO, written).deserialize(payload)).isInstanceOf(Note.class);
    assertThatThrownBy(() -> learning(SerializerFormat.AUTO, new WrittenTypes()).deserialize(payload))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED));
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void allowedTypes_areReadWithoutHavingBeenWritten(SerializerFormat format) {
    byte[] payload = learning(format, new WrittenTypes()).serialize(new Secret("s"));

    assertThat(learning(format, new WrittenTypes(), "dev.lexigram.cache.serial.*").deserialize(payload))
        .isEqualTo(new Secret("s"));
  }

  @ParameterizedTest
  @EnumSource(SerializerFormat.class)
  void jdkValueTypes_areReadWithoutHavingBeenWritten(SerializerFormat format) {
    Map<String, Object> value = new TreeMap<>(Map.of("day", LocalDate.of(2026, 12, 3), "id",
        UUID.fromString("00000000-0000-0000-0000-000000000001"), "amount", new BigDecimal("1.25"),
        "tags", new ArrayList<>(List.of("a", "b"))));
    byte[] payload = learning(format, new WrittenTypes()).serialize(value);

    assertThat(learning(format, new WrittenTypes()).deserialize(payload)).isEqualTo(value);
  }

  @Test
  void frameworkKeyAndEntryTypes_areAdmittedByName_withoutBeingWritten() {
    TypeAllowlist stranger = TypeAllowlist.of(List.of()).learning(new WrittenTypes());

    for (String name : List.of("org.springframework.cache.interceptor.SimpleKey",
        "org.springframework.cache.jcache.interceptor.SimpleGeneratedCacheKey",
        "org.jsr107.ri.annotations.DefaultGeneratedCacheKey",
        "org.hibernate.cache.internal.BasicCacheKeyImplementation",
        "org.hibernate.cache.spi.entry.StandardCacheEntryImpl",
        "org.hibernate.cache.spi.support.AbstractReadWriteAccess$Item")) {
      assertThat(stranger.mayAllow(name)).as(name).isTrue();
    }
    // neighbours in the same packages stay out: only the cache types are named
    assertThat(stranger.mayAllow("org.hibernate.engine.spi.TypedValue")).isFalse();
    assertThat(stranger.mayAllow("org.springframework.cache.interceptor.CacheInterceptor")).isFalse();
  }

  @Test
  void gadgetsOfTheJdk_areRefusedEvenAfterOtherWrites() {
    WrittenTypes written = new WrittenTypes();
    learning(SerializerFormat.JAVA, written).serialize(new Invoice("A-1", BigDecimal.ONE));
    TypeAllowlist rules = TypeAllowlist.of(List.of()).learning(written);

    for (Class<?> gadget : List.of(java.net.URL.class, ProcessBuilder.class, Thread.class, ClassLoader.class)) {
      // a java.* name may be loaded (JDK enums are decided on the class); the loaded class is refused
      assertThat(rules.allows(gadget)).as(gadget.getName()).isFalse();
    }
  }

  @Test
  void readingAClass_doesNotRecordItAsWritten() {
    WrittenTypes written = new WrittenTypes();
    byte[] payload = learning(SerializerFormat.JAVA, new WrittenTypes(), Secret.class.getName()).serialize(new Secret("s"));

    learning(SerializerFormat.JAVA, written, Secret.class.getName()).deserialize(payload);

    assertThat(written.contains(Secret.class.getName())).isFalse();
  }

  @Test
  void strictBuilder_withoutLearning_stillRefusesToWriteUnlistedClasses() {
    assertThatThrownBy(() -> Serializers.builder().format(SerializerFormat.JAVA).build().serialize(new Secret("s")))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED));
  }

  @Test
  void signingKeyRotation_withLearning_oldKeyStillVerifiesAndClassRulesStillApply() {
    WrittenTypes written = new WrittenTypes();
    byte[] oldKey = SigningSerializerTest.key('o');
    byte[] newKey = SigningSerializerTest.key('n');
    byte[] signedWithOld = Serializers.builder().trustWrittenTypes(written).signingKeys(List.of(oldKey)).build()
        .serialize(new Invoice("A-1", BigDecimal.TEN));
    Serializer rotated = Serializers.builder().trustWrittenTypes(written).signingKeys(List.of(newKey, oldKey)).build();
    Serializer stranger = Serializers.builder().trustWrittenTypes(new WrittenTypes())
        .signingKeys(List.of(newKey, oldKey)).build();

    assertThat(rotated.deserialize(signedWithOld)).isEqualTo(new Invoice("A-1", BigDecimal.TEN));
    assertThatThrownBy(() -> stranger.deserialize(signedWithOld))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED));
  }

  @Test
  void trustingAll_forInProcessCopies_copiesAnyClass() {
    Copier copier = Copier.serializing(Serializers.builder().trustAllTypes().build());
    List<Secret> value = new ArrayList<>(List.of(new Secret("s")));

    assertThat(copier.copy(value)).isEqualTo(value).isNotSameAs(value);
  }
}
