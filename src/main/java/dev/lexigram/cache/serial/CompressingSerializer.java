package dev.lexigram.cache.serial;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compresses payloads longer than a threshold. Frame: a flag byte, then either the payload as it
 * is ({@link #STORED}) or ({@link #DEFLATED}) its length as four big-endian bytes followed by the
 * zlib stream. A payload that does not shrink is stored. Inflation stops at the declared length,
 * which may not exceed {@link #MAX_INFLATED_LENGTH}, so a crafted payload cannot exhaust memory.
 *
 * <p>Codec chosen by measurement ({@code CompressionMeasurementTest#main}): JSON of a shopping
 * cart of records (strings, decimals, instants, small maps) at about 1, 4, 16 and 64 KB, JDK 17,
 * the project's 2-core machine, median of 1,000 runs after warm-up. Sizes include each codec's
 * header; "deflate-N" is {@link Deflater} level N with the zlib wrapper.
 * <pre>
 * input  codec      bytes  ratio  compress µs  inflate µs
 *  1126  deflate-1    423  37.6%         29.0        10.2
 *  1126  deflate-3    420  37.3%         29.6        13.3
 *  1126  deflate-6    411  36.5%         33.2        24.6
 *  1126  gzip         423  37.6%         30.5        11.5
 *  4137  deflate-1    843  20.4%         36.9        16.5
 *  4137  deflate-3    805  19.5%         37.4        15.9
 *  4137  deflate-6    743  18.0%         58.2        14.9
 *  4137  gzip         755  18.2%         58.7        15.2
 * 16430  deflate-1   2357  14.3%         89.6        46.0
 * 16430  deflate-3   2128  13.0%         94.1        43.5
 * 16430  deflate-6   1952  11.9%        185.4        44.2
 * 16430  deflate-9   1800  11.0%        307.0        41.3
 * 16430  gzip        1964  12.0%        180.1        36.8
 * 65546  deflate-1   8323  12.7%        349.1       175.9
 * 65546  deflate-3   7471  11.4%        385.3       173.6
 * 65546  deflate-6   6301   9.6%        774.9       147.4
 * 65546  deflate-9   5998   9.2%       1401.2       144.1
 * 65546  gzip        6313   9.6%        748.4       105.0
 * </pre>
 * The choice is deflate level 3 ({@link #LEVEL}) with the zlib wrapper: at 16–64 KB it is 10%
 * smaller than level 1 for about 5% more time, while level 6 and gzip (which is level 6 plus a
 * 12-byte larger header and CRC-32) take twice as long to shave off another 8–15%; level 9 costs
 * four times as much for 1–5% more. Inflating costs about the same at every level. The zlib
 * wrapper's Adler-32 also catches damaged data that the raw format would inflate to garbage.
 *
 * <p>Thread-safe: each call uses its own {@link Deflater} or {@link Inflater} and ends it.
 */
final class CompressingSerializer implements Serializer {

  static final byte STORED = 0;
  static final byte DEFLATED = 1;
  static final int LEVEL = 3;
  /** Largest payload inflated: 64 MiB, above any sane cache value. */
  static final int MAX_INFLATED_LENGTH = 64 * 1024 * 1024;
  private static final int HEADER = 5;

  private final Serializer inner;
  private final int threshold;

  CompressingSerializer(Serializer inner, int threshold) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.threshold = threshold;
  }

  @Override
  public byte[] serialize(Object value) {
    byte[] body = inner.serialize(value);
    if (body.length > threshold) {
      byte[] deflated = deflate(body);
      if (deflated != null) {
        return deflated;
      }
    }
    byte[] frame = new byte[body.length + 1];
    frame[0] = STORED;
    System.arraycopy(body, 0, frame, 1, body.length);
    return frame;
  }

  @Override
  public Object deserialize(byte[] payload) {
    return deserialize(Objects.requireNonNull(payload, "payload"), 0, payload.length);
  }

  @Override
  public Object deserialize(byte[] payload, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, payload.length);
    if (length > 0 && payload[offset] == STORED) {
      return inner.deserialize(payload, offset + 1, length - 1);
    }
    if (length >= HEADER && payload[offset] == DEFLATED) {
      return inner.deserialize(inflate(payload, offset, length));
    }
    throw Failures.corrupt(name(), "it lacks the compression flag byte (was compression turned on later?)", null);
  }

  @Override
  public String name() {
    return inner.name();
  }

  /** Returns the DEFLATED frame of {@code body}, or null if it would not be shorter than storing. */
  private static byte[] deflate(byte[] body) {
    Deflater deflater = new Deflater(LEVEL);
    try {
      deflater.setInput(body);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + HEADER);
      out.write(DEFLATED);
      out.write(body.length >>> 24);
      out.write(body.length >>> 16);
      out.write(body.length >>> 8);
      out.write(body.length);
      byte[] buffer = new byte[Math.min(body.length, 8192)];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
        if (out.size() > body.length) {
          return null;
        }
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private byte[] inflate(byte[] frame, int offset, int frameLength) {
    int length = ((frame[offset + 1] & 0xFF) << 24) | ((frame[offset + 2] & 0xFF) << 16)
        | ((frame[offset + 3] & 0xFF) << 8) | (frame[offset + 4] & 0xFF);
    if (length < 0 || length > MAX_INFLATED_LENGTH) {
      throw Failures.corrupt(name(), "it declares " + Integer.toUnsignedString(length)
          + " bytes uncompressed, over the limit of " + MAX_INFLATED_LENGTH, null);
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(frame, offset + HEADER, frameLength - HEADER);
      byte[] body = new byte[length];
      int filled = 0;
      while (filled < length) {
        int n = inflater.inflate(body, filled, length - filled);
        if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        filled += n;
      }
      if (filled != length || !inflater.finished() || inflater.getRemaining() != 0) {
        throw Failures.corrupt(name(), "the compressed data does not match its declared length", null);
      }
      return body;
    } catch (DataFormatException e) {
      throw Failures.corrupt(name(), "the compressed data is damaged", e);
    } finally {
      inflater.end();
    }
  }
}
