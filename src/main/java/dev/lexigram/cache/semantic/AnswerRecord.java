package dev.lexigram.cache.semantic;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored answer as it lives on the backend, in a format of its own so that every process
 * reads what any other wrote:
 *
 * <pre>
 * byte    format (1)
 * string  model id        (int32 length, UTF-8; big-endian lengths throughout)
 * string  partition
 * string  normalized prompt
 * string  answer
 * float64 cost of the answer in dollars (NaN when unknown)
 * int64   stored at, epoch milliseconds
 * int32   vector length in bytes, 0 when the prompt was not embedded
 * bytes   the vector, float32 little-endian ({@link VectorCodec})
 * </pre>
 *
 * A record that does not parse (a tampered or truncated value) is refused with an
 * {@link IllegalArgumentException}; it never answers.
 *
 * @param modelId the model that made the vector
 * @param partition the partition it was stored in
 * @param prompt the normalized prompt
 * @param answer the answer
 * @param cost what the answer cost, in dollars, or NaN
 * @param storedAt when it was stored, epoch milliseconds
 * @param vector the prompt's embedding, or null when the prompt did not fit the model
 */
public record AnswerRecord(String modelId, String partition, String prompt, String answer, double cost,
    long storedAt, float[] vector) {
  static final byte FORMAT = 1;
  /** No string of a record is longer; a length beyond it is a corrupt record. */
  private static final int MAX_STRING_BYTES = 512 * 1024 * 1024;

  public AnswerRecord {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(answer, "answer");
  }

  /** Returns whether the record's vector can be compared with vectors of this model. */
  public boolean comparableWith(String otherModelId) {
    return vector != null && modelId.equals(otherModelId);
  }

  /** Returns the record's bytes. */
  public byte[] encode() {
    var bytes = new ByteArrayOutputStream(64 + prompt.length() + answer.length()
        + (vector == null ? 0 : vector.length * 4));
    try (var out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      write(out, modelId);
      write(out, partition);
      write(out, prompt);
      write(out, answer);
      out.writeDouble(cost);
      out.writeLong(storedAt);
      byte[] blob = vector == null ? new byte[0] : VectorCodec.encode(vector);
      out.writeInt(blob.length);
      out.write(blob);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads a record written by {@link #encode}.
   *
   * @throws IllegalArgumentException if the bytes are not such a record
   */
  public static AnswerRecord decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    try (var in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IllegalArgumentException("Not a semantic cache record: format byte " + format + ", expected " + FORMAT);
      }
      String modelId = read(in);
      String partition = read(in);
      String prompt = read(in);
      String answer = read(in);
      double cost = in.readDouble();
      long storedAt = in.readLong();
      int blobLength = in.readInt();
      if (blobLength < 0 || blobLength > in.available() || blobLength % VectorCodec.BYTES_PER_FLOAT != 0) {
        throw new IllegalArgumentException("Corrupt semantic cache record: vector of " + blobLength + " bytes");
      }
      float[] vector = null;
      if (blobLength > 0) {
        vector = VectorCodec.decode(in.readNBytes(blobLength), blobLength / VectorCodec.BYTES_PER_FLOAT);
      }
      if (in.available() != 0) {
        throw new IllegalArgumentException("Corrupt semantic cache record: " + in.available() + " bytes past its end");
      }
      return new AnswerRecord(modelId, partition, prompt, answer, cost, storedAt, vector);
    } catch (EOFException e) {
      throw new IllegalArgumentException("Corrupt semantic cache record: it ends early (" + bytes.length + " bytes)", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String read(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_STRING_BYTES || length > in.available()) {
      throw new IllegalArgumentException("Corrupt semantic cache record: a string of " + length + " bytes");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AnswerRecord r && modelId.equals(r.modelId) && partition.equals(r.partition)
        && prompt.equals(r.prompt) && answer.equals(r.answer) && Double.compare(cost, r.cost) == 0
        && storedAt == r.storedAt && Arrays.equals(vector, r.vector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelId, partition, prompt, answer, storedAt) * 31 + Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "AnswerRecord[model=" + modelId + ", partition=" + partition + ", prompt=" + prompt + ", answer of "
        + answer.length() + " chars, vector=" + (vector == null ? "none" : vector.length + " floats") + "]";
  }
}
