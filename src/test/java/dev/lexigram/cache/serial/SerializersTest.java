package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.testing.RecordingClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerializersTest {

  @Test
  void build_defaults_returnsAutoWritingSerializableAsJdkAndBeansAsJson() {
    Serializer serializer = Serializers.builder().allowTypes(List.of(Bean.class.getName())).build();

    assertThat(serializer.name()).isEqualTo("auto");
    assertThat(serializer).isNotInstanceOf(PayloadGuard.class);
    byte[] list = serializer.serialize(new java.util.ArrayList<>(List.of(1L)));
    assertThat(list[0]).isEqualTo((byte) 0xAC);
    assertThat(serializer.deserialize(list)).isEqualTo(List.of(1L));
    byte[] bean = serializer.serialize(new Bean());
    assertThat(new String(bean, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{");
    assertThat(serializer.deserialize(bean)).isInstanceOf(Bean.class);
  }

  /** A record that is not Serializable, with a mutable component. */
  public record Basket(String owner, java.util.List<String> items) {}

  @Test
  void build_defaults_writeARecordThatIsNotSerializableAsItsComponents_andRebuildIt() {
    Serializer serializer = Serializers.builder().allowTypes(List.of(Basket.class.getName())).build();
    Basket basket = new Basket("ada", new java.util.ArrayList<>(List.of("lamp", "desk")));

    byte[] payload = serializer.serialize(basket);

    assertThat(payload[0]).as("the JDK format").isEqualTo((byte) 0xAC);
    assertThat(serializer.deserialize(payload)).isEqualTo(basket).isNotSameAs(basket);
    assertThat(serializer.deserialize(serializer.serialize(basket))).isEqualTo(basket); // the looked-up shape again
  }

  /** A bean that is not Serializable. */
  public static final class Bean {
    public int value = 7;
  }

  @Test
  void build_jsonOrJava_writesBytesAndStringsAsThemselves() {
    for (SerializerFormat format : List.of(SerializerFormat.JSON, SerializerFormat.JAVA)) {
      Serializer serializer = Serializers.builder().format(format).build();
      byte[] blob = {7, 8, 9};
      assertThat(serializer.serialize(blob)).containsExactly(PassthroughSerializer.BYTES, 7, 8, 9);
      assertThat(serializer.serialize("hé")).startsWith(PassthroughSerializer.TEXT).hasSize(4);
      assertThat((byte[]) serializer.deserialize(serializer.serialize(blob))).containsExactly(7, 8, 9);
      assertThat(serializer.deserialize(serializer.serialize("hé"))).isEqualTo("hé");
      assertThat(serializer.deserialize(serializer.serialize(List.of(1L, 2L)))).isEqualTo(List.of(1L, 2L));
    }
  }

  @Test
  void build_signingAndCompression_signsTheCompressedFrame() {
    Serializer serializer = Serializers.builder()
        .signingKeys(List.of(SigningSerializerTest.key('k'))).compressAbove(16).build();
    String value = "abcdefgh".repeat(64);

    byte[] payload = serializer.serialize(value);

    assertThat(serializer).isInstanceOf(PayloadGuard.class);
    assertThat(payload[0]).isEqualTo(SigningSerializer.VERSION);
    assertThat(payload[1 + SigningSerializer.MAC_LENGTH]).isEqualTo(CompressingSerializer.DEFLATED);
    assertThat(serializer.deserialize(payload)).isEqualTo(value);
  }

  @Test
  void signingKeys_emptyList_leavesSigningOff() {
    Serializer serializer = Serializers.builder().signingKeys(List.of()).build();

    assertThat(serializer).isNotInstanceOf(PayloadGuard.class);
  }

  @Test
  void signingKeys_callerChangesKeyLater_signingUnaffected() {
    byte[] key = SigningSerializerTest.key('k');
    Serializers.Builder builder = Serializers.builder().signingKeys(List.of(key));
    key[0] ^= 1;

    byte[] payload = builder.build().serialize("x");

    assertThat(SigningSerializerTest.signed(SigningSerializerTest.key('k')).deserialize(payload)).isEqualTo("x");
  }

  @Test
  void allowTypes_calledTwice_accumulatesPatterns() {
    Serializer serializer = Serializers.builder()
        .allowTypes(List.of(SerializerRoundTripTest.Item.class.getName()))
        .allowTypes(List.of(SerializerRoundTripTest.Customer.class.getName()))
        .build();
    List<Object> both = new ArrayList<>(List.of(
        new SerializerRoundTripTest.Item("a", 1, java.math.BigDecimal.ONE),
        new SerializerRoundTripTest.Customer("c", List.of())));

    assertThat(serializer.deserialize(serializer.serialize(both))).isEqualTo(both);
  }

  @Test
  void allowTypes_malformedPattern_throwsIllegalArgumentNamingIt() {
    assertThatThrownBy(() -> Serializers.builder().allowTypes(List.of("com.acme.Order", "com.*.Order")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"com.*.Order\"");
  }

  @Test
  void classLoader_set_isUsedToLoadPayloadClasses() {
    RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());
    Serializer serializer = Serializers.builder().classLoader(loader)
        .allowTypes(List.of(SerializerRoundTripTest.Item.class.getName())).build();

    serializer.deserialize(serializer.serialize(new SerializerRoundTripTest.Item("a", 1, java.math.BigDecimal.ONE)));

    assertThat(loader.requested).contains(SerializerRoundTripTest.Item.class.getName());
  }
}
