package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lexigram.cache.serial.SerializationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SigningSerializerTest {

  private static final byte[] OLD_KEY = key('o');
  private static final byte[] NEW_KEY = key('n');
  private static final byte[] FOREIGN_KEY = key('f');

  static byte[] key(char fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  static Serializer signed(byte[]... keys) {
    return Serializers.builder().signingKeys(List.of(keys)).build();
  }

  static SerializationException.Reason reasonOf(Runnable call) {
    try {
      call.run();
    } catch (SerializationException e) {
      return e.reason();
    }
    throw new AssertionError("no SerializationException");
  }

  @Test
  void deserialize_signedPayload_returnsValue() {
    Serializer serializer = signed(NEW_KEY);

    byte[] payload = serializer.serialize(List.of("a", "b"));

    assertThat(payload[0]).isEqualTo(SigningSerializer.VERSION);
    assertThat(serializer.deserialize(payload)).isEqualTo(List.of("a", "b"));
  }

  @Test
  void deserialize_flippedByteInBodyOrMac_throwsTampered() {
    Serializer serializer = signed(NEW_KEY);
    byte[] payload = serializer.serialize("hello");

    for (int index : new int[] {1, SigningSerializer.MAC_LENGTH, payload.length - 2}) {
      byte[] altered = payload.clone();
      altered[index] ^= 0x01;
      assertThatThrownBy(() -> serializer.deserialize(altered))
          .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED))
          .hasMessageContaining("matches none of the 1 signing keys")
          .hasMessageContaining("refused unread");
    }
  }

  @Test
  void deserialize_payloadSignedWithOtherKey_throwsTampered() {
    byte[] payload = signed(FOREIGN_KEY).serialize("hello");

    assertThat(reasonOf(() -> signed(NEW_KEY).deserialize(payload))).isEqualTo(Reason.TAMPERED);
  }

  @Test
  void deserialize_unsignedPayload_throwsUnsigned() {
    byte[] unsigned = Serializers.builder().build().serialize("hello");

    assertThatThrownBy(() -> signed(NEW_KEY).deserialize(unsigned))
        .isInstanceOfSatisfying(SerializationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSIGNED))
        .hasMessageContaining("not signed")
        .hasMessageContaining("Fix:");
  }

  @Test
  void deserialize_payloadShorterThanMac_throwsUnsigned() {
    byte[] stub = {SigningSerializer.VERSION, 1, 2, 3};

    assertThat(reasonOf(() -> signed(NEW_KEY).deserialize(stub))).isEqualTo(Reason.UNSIGNED);
  }

  @Test
  void deserialize_signedWithOldKeyNowSecond_returnsValue() {
    byte[] payload = signed(OLD_KEY).serialize("written before rotation");

    Serializer rotated = signed(NEW_KEY, OLD_KEY);

    assertThat(rotated.deserialize(payload)).isEqualTo("written before rotation");
  }

  @Test
  void serialize_afterRotation_signsWithFirstKeyOnly() {
    byte[] payload = signed(NEW_KEY, OLD_KEY).serialize("x");

    assertThat(signed(NEW_KEY).deserialize(payload)).isEqualTo("x");
    assertThat(reasonOf(() -> signed(OLD_KEY).deserialize(payload))).isEqualTo(Reason.TAMPERED);
  }

  @Test
  void deserialize_signedWithRemovedKey_throwsTampered() {
    byte[] payload = signed(OLD_KEY).serialize("stale");

    assertThat(reasonOf(() -> signed(NEW_KEY, FOREIGN_KEY).deserialize(payload))).isEqualTo(Reason.TAMPERED);
  }

  @Test
  void signingKeys_keyUnder32Bytes_throwsIllegalArgumentNamingLength() {
    byte[] shortKey = "too-short-secret".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Serializers.builder().signingKeys(List.of(NEW_KEY, shortKey)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Signing key 1 is 16 bytes")
        .hasMessageContaining("at least 32 bytes")
        .hasMessageContaining("Fix: generate one with SecureRandom or 'openssl rand -base64 32'");
  }

  @Test
  void rejectedPayloads_afterEachRefusal_countsThem() {
    Serializer serializer = signed(NEW_KEY);
    byte[] foreign = signed(FOREIGN_KEY).serialize("x");
    byte[] unsigned = Serializers.builder().build().serialize("x");

    assertThat(serializer).isInstanceOf(PayloadGuard.class);
    PayloadGuard guard = (PayloadGuard) serializer;
    assertThat(guard.rejectedPayloads()).isZero();
    reasonOf(() -> serializer.deserialize(foreign));
    reasonOf(() -> serializer.deserialize(unsigned));
    reasonOf(() -> serializer.deserialize(foreign));
    serializer.deserialize(serializer.serialize("fine"));

    assertThat(guard.rejectedPayloads()).isEqualTo(3);
  }

  @Test
  void deserialize_tamperedPayload_neverReachesInnerSerializer() {
    AtomicInteger innerReads = new AtomicInteger();
    Serializer inner = new CompressionMeasurementTest.RawBytes() {
      @Override
      public Object deserialize(byte[] payload) {
        innerReads.incrementAndGet();
        return payload;
      }
    };
    SigningSerializer signing = new SigningSerializer(inner, List.of(NEW_KEY));
    byte[] payload = signing.serialize(new byte[] {1, 2, 3});
    byte[] altered = payload.clone();
    altered[altered.length - 1] ^= 0x40;

    reasonOf(() -> signing.deserialize(altered));
    reasonOf(() -> signing.deserialize(new byte[] {1, 2, 3}));
    assertThat(innerReads).hasValue(0);
    signing.deserialize(payload);
    assertThat(innerReads).hasValue(1);
  }

  @Test
  void toString_always_omitsKeyMaterial() {
    String text = signed(NEW_KEY).toString();

    assertThat(text).contains("1 keys").doesNotContain(new String(NEW_KEY, StandardCharsets.ISO_8859_1));
  }
}
