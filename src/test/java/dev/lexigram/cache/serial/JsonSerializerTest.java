package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.serial.SerializationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is particular to JSON: its text, and the shapes of class it cannot handle. */
class JsonSerializerTest {

  public record Stamp(Instant at, LocalDate day, Duration took) {}

  /** A bean with no properties Jackson can see. */
  public static final class Opaque {
    @SuppressWarnings("unused")
    private final int hidden = 1;
  }

  /** A bean Jackson can write but cannot create. */
  public static final class NoCreator {
    private final String name;

    public NoCreator(String name) {
      this.name = name;
    }

    public String getName() {
      return name;
    }
  }

  private final Serializer json = Serializers.builder().format(SerializerFormat.JSON)
      .allowTypes(List.of(Stamp.class.getName(), Opaque.class.getName(), NoCreator.class.getName())).build();

  @Test
  void serialize_javaTime_writesIsoStrings() {
    Stamp stamp = new Stamp(Instant.parse("2024-05-01T10:15:30Z"), LocalDate.of(2024, 5, 1), Duration.ofMinutes(90));

    String text = new String(json.serialize(stamp), StandardCharsets.UTF_8);

    assertThat(text).contains("\"2024-05-01T10:15:30Z\"", "\"2024-05-01\"", "\"PT1H30M\"");
  }

  @Test
  void serialize_beanWithoutProperties_throwsNotWritableNamingClassAndFix() {
    assertThatThrownBy(() -> json.serialize(new Opaque()))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_WRITABLE))
        .hasMessageStartingWith("Cannot serialize " + Opaque.class.getName() + " with the json serializer: ")
        .hasMessageEndingWith("Fix: make it a record or a bean with a default constructor, or choose serializer: java / kryo")
        .hasMessageNotContaining("\n")
        .hasCauseInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
  }

  @Test
  void deserialize_beanWithoutCreator_throwsNotWritableNamingClass() {
    byte[] payload = json.serialize(new NoCreator("x"));

    assertThatThrownBy(() -> json.deserialize(payload))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_WRITABLE))
        .hasMessageStartingWith("Cannot deserialize " + NoCreator.class.getName() + " with the json serializer")
        .hasMessageContaining("default constructor");
  }

  @Test
  void deserialize_typeIdOfJdkGadget_throwsTypeNotAllowed() {
    byte[] payload = "[\"java.lang.ProcessBuilder\",{\"command\":[\"true\"]}]".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> json.deserialize(payload))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED))
        .hasMessageContaining("java.lang.ProcessBuilder");
  }

  @Test
  void deserialize_nestedTypeIdOfUnknownClass_throwsTypeNotAllowed() {
    byte[] payload = "[\"java.util.ArrayList\",[[\"com.evil.Gadget\",{}]]]".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> json.deserialize(payload))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED))
        .hasMessageContaining("com.evil.Gadget");
  }

  @Test
  void deserialize_jsonNull_throwsCorrupt() {
    assertThatThrownBy(() -> json.deserialize("null".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
  }

  @Test
  void serialize_null_throwsNullPointer() {
    assertThatThrownBy(() -> json.serialize(null)).isInstanceOf(NullPointerException.class);
  }
}
