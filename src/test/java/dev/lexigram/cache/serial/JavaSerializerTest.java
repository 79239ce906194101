package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.serial.SerializationException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is particular to JDK serialization: Serializable, and the filter's limits. */
class JavaSerializerTest {

  /** Allowed, but not Serializable. */
  public static final class Plain {
    public int value = 1;
  }

  private final Serializer java = Serializers.builder().format(SerializerFormat.JAVA)
      .allowTypes(List.of(Plain.class.getName())).build();

  @Test
  void serialize_notSerializable_throwsNotWritableNamingClassAndFix() {
    assertThatThrownBy(() -> java.serialize(new ArrayList<>(List.of(new Plain()))))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_WRITABLE))
        .hasMessage("Cannot serialize " + Plain.class.getName() + " with the java serializer: it does not implement "
            + "java.io.Serializable. Fix: add implements Serializable to it (and to the classes of its fields), "
            + "or choose serializer: json")
        .hasCauseInstanceOf(java.io.NotSerializableException.class);
  }

  @Test
  void deserialize_nestingDeeperThanLimit_throwsCorruptNamingLimit() {
    List<Object> deep = new ArrayList<>();
    List<Object> current = deep;
    for (int i = 0; i < AllowlistInputFilter.MAX_DEPTH + 10; i++) {
      List<Object> next = new ArrayList<>();
      current.add(next);
      current = next;
    }
    byte[] payload = java.serialize(deep);

    assertThatThrownBy(() -> java.deserialize(payload))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
        .hasMessageContaining("nesting deeper than " + AllowlistInputFilter.MAX_DEPTH);
  }

  @Test
  void deserialize_trailingBytes_throwsCorrupt() {
    byte[] payload = java.serialize(new ArrayList<>(List.of("value")));
    byte[] longer = Arrays.copyOf(payload, payload.length + 3);

    assertThatThrownBy(() -> java.deserialize(longer))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
        .hasMessageContaining("bytes follow");
  }

  @Test
  void serialize_sharedReference_staysShared() {
    List<String> shared = new ArrayList<>(List.of("x"));

    List<?> back = (List<?>) java.deserialize(java.serialize(new ArrayList<>(List.of(shared, shared))));

    assertThat(back.get(0)).isSameAs(back.get(1));
  }

  @Test
  void roundTrip_serializableArrayOfAllowedTypes_needsNoExtraAllowance() {
    // Hibernate keeps an entity's state as a Serializable[]: the array's component type is an
    // interface, which creates nothing that Object[] would not
    java.io.Serializable[] state = {"title", 42L, null};

    Object back = java.deserialize(java.serialize(state));

    assertThat(back).isInstanceOf(java.io.Serializable[].class);
    assertThat((Object[]) back).containsExactly("title", 42L, null);
  }
}
