package dev.lexigram.cache.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * How the JDK's codecs do on typical JSON cache values, which chose {@link CompressingSerializer}'s
 * codec. {@link #main} prints size and median time per operation for each codec and size; the test
 * only checks that the chosen codec keeps paying for itself (timings are for reading, not asserting).
 */
class CompressionMeasurementTest {

  record Line(String sku, String title, int quantity, BigDecimal price, Instant addedAt, Map<String, String> tags) {}

  record Cart(UUID id, String customer, List<Line> lines, Instant updatedAt) {}

  private static final Serializer JSON = Serializers.builder().format(SerializerFormat.JSON)
      .allowTypes(List.of(Line.class.getName(), Cart.class.getName())).build();

  /** Returns the JSON of a cart with enough lines to be at least {@code size} bytes. */
  static byte[] typicalJson(int size) {
    List<Line> lines = new ArrayList<>();
    byte[] json;
    int i = 0;
    do {
      lines.add(new Line("SKU-" + (100_000 + i * 7919 % 90_000), "Product " + i + " in colour " + (i % 12),
          1 + i % 4, new BigDecimal(String.format(Locale.ROOT, "%d.%02d", 3 + i * 17 % 400, i % 100)),
          Instant.ofEpochSecond(1_714_000_000L + i * 3_607L), Map.of("category", "cat-" + i % 9, "warehouse", "w" + i % 3)));
      json = JSON.serialize(new Cart(new UUID(42, i), "customer-" + i, lines, Instant.ofEpochSecond(1_714_500_000L)));
      i++;
    } while (json.length < size);
    return json;
  }

  @Test
  void chosenCodec_typicalJsonOf1To64Kb_atLeastHalvesSize() {
    for (int size : new int[] {1024, 4096, 16_384, 65_536}) {
      byte[] json = typicalJson(size);

      byte[] framed = new CompressingSerializer(new RawBytes(), 0).serialize(json);

      assertThat(framed[0]).isEqualTo(CompressingSerializer.DEFLATED);
      assertThat(framed.length).as("%d bytes", json.length).isLessThan(json.length / 2);
    }
  }

  /** Prints the comparison; run from the IDE or with {@code java -cp ...}. */
  public static void main(String[] args) {
    Map<String, UnaryOperator<byte[]>> compressors = new java.util.LinkedHashMap<>();
    Map<String, UnaryOperator<byte[]>> decompressors = new java.util.LinkedHashMap<>();
    for (int level : new int[] {1, 3, 6, 9}) {
      compressors.put("deflate-" + level, bytes -> deflate(bytes, level));
      decompressors.put("deflate-" + level, CompressionMeasurementTest::inflate);
    }
    compressors.put("gzip", CompressionMeasurementTest::gzip);
    decompressors.put("gzip", CompressionMeasurementTest::gunzip);
    System.out.printf(Locale.ROOT, "%-7s %-10s %8s %7s %13s %13s%n", "size", "codec", "bytes", "ratio", "compress µs", "inflate µs");
    for (int size : new int[] {1024, 4096, 16_384, 65_536}) {
      byte[] json = typicalJson(size);
      for (String codec : compressors.keySet()) {
        byte[] packed = compressors.get(codec).apply(json);
        if (!Arrays.equals(json, decompressors.get(codec).apply(packed))) {
          throw new AssertionError(codec + " does not round-trip");
        }
        double pack = medianMicros(() -> compressors.get(codec).apply(json));
        double unpack = medianMicros(() -> decompressors.get(codec).apply(packed));
        System.out.printf(Locale.ROOT, "%-7d %-10s %8d %6.1f%% %13.1f %13.1f%n",
            json.length, codec, packed.length, 100.0 * packed.length / json.length, pack, unpack);
      }
    }
  }

  private static double medianMicros(Runnable operation) {
    for (int i = 0; i < 2_000; i++) {
      operation.run(); // warm-up
    }
    long[] nanos = new long[1_000];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      operation.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos[nanos.length / 2] / 1_000.0;
  }

  private static byte[] deflate(byte[] input, int level) {
    Deflater deflater = new Deflater(level);
    try {
      deflater.setInput(input);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] input) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(input);
      ByteArrayOutputStream out = new ByteArrayOutputStream(input.length * 4);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        out.write(buffer, 0, inflater.inflate(buffer));
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalStateException(e);
    } finally {
      inflater.end();
    }
  }

  private static byte[] gzip(byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] input) {
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(input))) {
      return gzip.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A serializer whose value is already the payload, to look at the compression frame alone. */
  static class RawBytes implements Serializer {
    @Override
    public byte[] serialize(Object value) {
      return (byte[]) value;
    }

    @Override
    public Object deserialize(byte[] payload) {
      return payload;
    }

    @Override
    public String name() {
      return "raw";
    }
  }
}
