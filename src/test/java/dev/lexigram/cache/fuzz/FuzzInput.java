package dev.lexigram.cache.fuzz;

import dev.lexigram.cache.serial.Serializer;
import dev.lexigram.cache.serial.SerializerFormat;
import dev.lexigram.cache.serial.Serializers;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the fuzz tests read libFuzzer's bytes, shared so that one seed layout serves every target:
 *
 * <pre>
 * byte 0   which serializer: an index into {@link #SERIALIZERS}, modulo its size
 * byte 1   flags: {@link #FRAMED}, {@link #RECORD}, bits 2-4 the padding put around a range,
 *          {@link #HASHED}
 * 2..      the body
 * </pre>
 *
 * <p>A body given as it is meets the signing and compression layers raw, which is what a hostile
 * server sends; {@link #FRAMED} wraps it in a valid signature and deflate frame first, so that the
 * fuzzer also reaches the format decoder behind those layers (it cannot forge an HMAC).
 */
public final class FuzzInput {

  /** Flag: wrap the body in the frames the chosen serializer's layers check. */
  public static final int FRAMED = 1;
  /** Flag: the record fuzz tests wrap the (framed) body in a well-formed record header. */
  public static final int RECORD = 2;
  /** Flag: a memcached record written by the fuzz test is that of a hashed item name. */
  public static final int HASHED = 32;

  /** The signing key of the signed variants; a fuzz harness knows it, an attacker would not. */
  public static final byte[] KEY = "lexigram-cache fuzz signing key!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** Every format of {@link SerializerFormat#values()}, each plain, compressed, signed, and both. */
  public static final List<Variant> SERIALIZERS = variants();

  private final Variant variant;
  private final int flags;
  private final byte[] body;

  private FuzzInput(Variant variant, int flags, byte[] body) {
    this.variant = variant;
    this.flags = flags;
    this.body = body;
  }

  /** Returns the input's parts, or null for an input too short to choose a serializer. */
  public static FuzzInput of(byte[] data) {
    if (data.length < 2) {
      return null;
    }
    Variant variant = SERIALIZERS.get(Byte.toUnsignedInt(data[0]) % SERIALIZERS.size());
    return new FuzzInput(variant, Byte.toUnsignedInt(data[1]), Arrays.copyOfRange(data, 2, data.length));
  }

  public Variant variant() {
    return variant;
  }

  public Serializer serializer() {
    return variant.serializer();
  }

  public boolean has(int flag) {
    return (flags & flag) != 0;
  }

  /** Returns how many bytes to put before and after a payload read as a range, 0 to 7. */
  public int padding() {
    return (flags >>> 2) & 7;
  }

  /** Returns the body, framed for the serializer's layers if {@link #FRAMED} is set. */
  public byte[] payload() {
    return has(FRAMED) ? variant.frame(body) : body;
  }

  /** Returns {@code bytes} with {@code padding} junk bytes either side, to be read as a range. */
  public static byte[] padded(byte[] bytes, int padding) {
    byte[] out = new byte[bytes.length + 2 * padding];
    Arrays.fill(out, (byte) 0x5A);
    System.arraycopy(bytes, 0, out, padding, bytes.length);
    return out;
  }

  /** One serializer as the builder makes it, with the layers it was given. */
  public record Variant(SerializerFormat format, boolean compressed, boolean signed, Serializer serializer) {

    /** Returns the frames this serializer's layers expect around a format payload. */
    byte[] frame(byte[] body) {
      byte[] framed = compressed ? deflateFrame(body) : body;
      return signed ? signatureFrame(framed) : framed;
    }

    @Override
    public String toString() {
      return format + (compressed ? "+compressed" : "") + (signed ? "+signed" : "");
    }
  }

  private static List<Variant> variants() {
    List<Variant> variants = new ArrayList<>();
    for (SerializerFormat format : SerializerFormat.values()) {
      for (int layers = 0; layers < 4; layers++) {
        boolean compressed = (layers & 1) != 0;
        boolean signed = (layers & 2) != 0;
        Serializers.Builder builder = Serializers.builder().format(format);
        if (compressed) {
          builder.compressAbove(0);
        }
        if (signed) {
          builder.signingKeys(List.of(KEY));
        }
        variants.add(new Variant(format, compressed, signed, builder.build()));
      }
    }
    return List.copyOf(variants);
  }

  // the frames of CompressingSerializer (DEFLATED, 4-byte length, zlib) and SigningSerializer
  // (version 0xA1, HMAC-SHA256 of version and body, body), written here from their class comments
  private static byte[] deflateFrame(byte[] body) {
    Deflater deflater = new Deflater();
    try {
      deflater.setInput(body);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(1);
      out.write(body.length >>> 24);
      out.write(body.length >>> 16);
      out.write(body.length >>> 8);
      out.write(body.length);
      byte[] buffer = new byte[4096];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] signatureFrame(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      mac.update((byte) 0xA1);
      byte[] signature = mac.doFinal(body);
      byte[] frame = new byte[1 + signature.length + body.length];
      frame[0] = (byte) 0xA1;
      System.arraycopy(signature, 0, frame, 1, signature.length);
      System.arraycopy(body, 0, frame, 1 + signature.length, body.length);
      return frame;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
