package dev.lexigram.cache.serial;

import dev.lexigram.cache.serial.SerializationException.Reason;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs payloads with HMAC-SHA256 and refuses, unread, any payload whose signature does not verify.
 * Frame: one version byte ({@link #VERSION}), the 32-byte MAC of version byte and body, the body.
 * The first key signs; every key verifies, so keys rotate by putting the new key first and keeping
 * the old one second until entries written with it have expired. Comparison is constant-time and
 * every key is tried, whichever matches.
 *
 * <p>Refusals are counted ({@link #rejectedPayloads()}) and logged at WARN once per instance, so a
 * flood of bad payloads cannot flood the log. Key material is never logged nor kept in messages.
 * Thread-safe: each call works on its own clone of a prototype {@link Mac}.
 */
final class SigningSerializer implements Serializer, PayloadGuard {

  static final byte VERSION = (byte) 0xA1;
  static final int MAC_LENGTH = 32;
  static final int MIN_KEY_LENGTH = 32;
  private static final String KEY_FIX = "Fix: generate one with SecureRandom or 'openssl rand -base64 32'";
  private static final String ALGORITHM = "HmacSHA256";
  private static final Logger LOG = LoggerFactory.getLogger(SigningSerializer.class);

  private final Serializer inner;
  private final List<Mac> prototypes;
  private final LongAdder rejected = new LongAdder();
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * @param keys at least one key of at least 32 bytes; the first signs
   * @throws IllegalArgumentException if a key is too short or there is none
   */
  SigningSerializer(Serializer inner, List<byte[]> keys) {
    this.inner = Objects.requireNonNull(inner, "inner");
    checkKeys(keys);
    List<Mac> macs = new ArrayList<>();
    for (byte[] key : keys) {
      macs.add(newMac(key));
    }
    this.prototypes = List.copyOf(macs);
  }

  /** Throws IllegalArgumentException naming the first key under 32 bytes, or if there is none. */
  static void checkKeys(List<byte[]> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("Signing needs at least one key. " + KEY_FIX + ", or turn signing off");
    }
    for (int i = 0; i < keys.size(); i++) {
      byte[] key = Objects.requireNonNull(keys.get(i), "signing key " + i);
      if (key.length < MIN_KEY_LENGTH) {
        throw new IllegalArgumentException("Signing key " + i + " is " + key.length
            + " bytes; HMAC-SHA256 keys must be at least " + MIN_KEY_LENGTH + " bytes (256 bits) of random data. "
            + KEY_FIX);
      }
    }
  }

  @Override
  public byte[] serialize(Object value) {
    byte[] body = inner.serialize(value);
    byte[] frame = new byte[1 + MAC_LENGTH + body.length];
    frame[0] = VERSION;
    System.arraycopy(mac(0, body, 0, body.length), 0, frame, 1, MAC_LENGTH);
    System.arraycopy(body, 0, frame, 1 + MAC_LENGTH, body.length);
    return frame;
  }

  @Override
  public Object deserialize(byte[] payload) {
    return deserialize(Objects.requireNonNull(payload, "payload"), 0, payload.length);
  }

  @Override
  public Object deserialize(byte[] payload, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, payload.length);
    if (length < 1 + MAC_LENGTH || payload[offset] != VERSION) {
      throw refuse(Reason.UNSIGNED, "Payload is not signed, but the " + name()
          + " serializer requires HMAC-SHA256 signatures; it was refused unread. Fix: give every writer of this "
          + "cache the same signing keys, or remove entries written before signing was turned on");
    }
    byte[] expected = Arrays.copyOfRange(payload, offset + 1, offset + 1 + MAC_LENGTH);
    int body = offset + 1 + MAC_LENGTH;
    boolean verified = false;
    for (int i = 0; i < prototypes.size(); i++) {
      verified |= MessageDigest.isEqual(expected, mac(i, payload, body, offset + length - body));
    }
    if (!verified) {
      throw refuse(Reason.TAMPERED, "Payload signature matches none of the " + prototypes.size()
          + " signing keys of the " + name() + " serializer; it was refused unread. Fix: after a key rotation keep "
          + "the previous key second in the list until old entries expire; otherwise the entry was altered or "
          + "written with a foreign key");
    }
    return inner.deserialize(payload, body, offset + length - body);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public long rejectedPayloads() {
    return rejected.sum();
  }

  @Override
  public String toString() {
    return "SigningSerializer[" + name() + ", " + prototypes.size() + " keys]";
  }

  private SerializationException refuse(Reason reason, String message) {
    rejected.increment();
    if (warned.compareAndSet(false, true)) {
      LOG.warn("{} (reason {}). Later refusals by this serializer are counted, not logged: see "
          + "PayloadGuard.rejectedPayloads()", message, reason);
    }
    return new SerializationException(reason, message);
  }

  /** Returns the MAC of the version byte and {@code data[from..]} under key {@code keyIndex}. */
  private byte[] mac(int keyIndex, byte[] data, int from, int length) {
    Mac mac = copyOf(prototypes.get(keyIndex));
    mac.update(VERSION);
    mac.update(data, from, length);
    return mac.doFinal();
  }

  private static Mac copyOf(Mac prototype) {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(ALGORITHM + " of this JDK cannot be cloned", e);
    }
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
    }
  }
}
