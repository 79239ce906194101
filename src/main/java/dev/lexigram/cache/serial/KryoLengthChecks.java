package dev.lexigram.cache.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers.BooleanArraySerializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers.ObjectArraySerializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers.StringArraySerializer;
import java.util.Collection;

/**
 * Kryo allocates a string, an array or a collection at the length a payload declares, before it
 * reads the elements: five bytes could ask for gigabytes. These checks refuse, before anything is
 * allocated, a length that the bytes left cannot hold (each character or element takes at least
 * one byte). The one exception is a collection of nulls only, whose elements take no bytes: it is
 * allowed up to {@link #MAX_NULL_ELEMENTS} (the JDK format's array limit) and not presized beyond
 * the bytes left.
 */
final class KryoLengthChecks {

  static final int MAX_NULL_ELEMENTS = AllowlistInputFilter.MAX_ARRAY_LENGTH;

  private KryoLengthChecks() {}

  /** Adds the checking serializers to a new Kryo, in front of Kryo's own for the same types. */
  static void install(Kryo kryo) {
    kryo.addDefaultSerializer(Collection.class, CheckedCollectionSerializer.class);
    kryo.addDefaultSerializer(boolean[].class, CheckedBooleanArraySerializer.class);
    kryo.addDefaultSerializer(String[].class, CheckedStringArraySerializer.class);
    kryo.addDefaultSerializer(Object[].class, CheckedObjectArraySerializer.class);
  }

  private static int remaining(Input input) {
    return input.limit() - input.position();
  }

  private static void check(long length, Input input, String what) {
    if (length > remaining(input)) {
      throw new KryoException("the payload declares " + what + " of " + length + " but has " + remaining(input)
          + " bytes left");
    }
  }

  /** Returns the next count as a positive varint (plus one, 0 for null) without consuming it. */
  private static int peekCount(Input input) {
    int position = input.position();
    int count = input.readVarInt(true);
    input.setPosition(position);
    return count - 1;
  }

  /** The input of one payload; checks the lengths of strings and primitive arrays. */
  static final class CheckedInput extends Input {

    CheckedInput(byte[] bytes, int offset, int length) {
      super(bytes, offset, length);
    }

    @Override
    public String readString() {
      checkUtf8Length();
      return super.readString();
    }

    @Override
    public StringBuilder readStringBuilder() {
      checkUtf8Length();
      return super.readStringBuilder();
    }

    // an ASCII string is read up to its last byte and needs no check; UTF-8 declares a char count
    private void checkUtf8Length() {
      if (remaining(this) > 0 && readVarIntFlag()) {
        int position = position();
        int chars = readVarIntFlag(true) - 1;
        setPosition(position);
        check(chars, this, "a string");
      }
    }

    @Override
    public byte[] readBytes(int length) {
      check(length, this, "an array");
      return super.readBytes(length);
    }

    @Override
    public int[] readInts(int length) {
      check(length, this, "an array");
      return super.readInts(length);
    }

    @Override
    public int[] readInts(int length, boolean optimizePositive) {
      check(length, this, "an array");
      return super.readInts(length, optimizePositive);
    }

    @Override
    public long[] readLongs(int length) {
      check(length, this, "an array");
      return super.readLongs(length);
    }

    @Override
    public long[] readLongs(int length, boolean optimizePositive) {
      check(length, this, "an array");
      return super.readLongs(length, optimizePositive);
    }

    @Override
    public float[] readFloats(int length) {
      check(length, this, "an array");
      return super.readFloats(length);
    }

    @Override
    public double[] readDoubles(int length) {
      check(length, this, "an array");
      return super.readDoubles(length);
    }

    @Override
    public short[] readShorts(int length) {
      check(length, this, "an array");
      return super.readShorts(length);
    }

    @Override
    public char[] readChars(int length) {
      check(length, this, "an array");
      return super.readChars(length);
    }

    @Override
    public boolean[] readBooleans(int length) {
      check(length, this, "an array");
      return super.readBooleans(length);
    }
  }

  /** Kryo's, presizing no more than the bytes left and refusing a count over the limit. */
  @SuppressWarnings({"rawtypes", "unchecked"}) // Kryo's signatures
  public static final class CheckedCollectionSerializer extends CollectionSerializer {
    @Override
    protected Collection create(Kryo kryo, Input input, Class type, int size) {
      if (size > MAX_NULL_ELEMENTS) {
        check(size, input, "a collection");
      }
      return super.create(kryo, input, type, Math.min(size, remaining(input)));
    }
  }

  /** Kryo's, checking the length before it allocates the array. */
  @SuppressWarnings({"rawtypes", "unchecked"}) // Kryo's signatures
  public static final class CheckedBooleanArraySerializer extends BooleanArraySerializer {
    @Override
    public boolean[] read(Kryo kryo, Input input, Class type) {
      check(peekCount(input), input, "a boolean[]");
      return super.read(kryo, input, type);
    }
  }

  /** Kryo's, checking the length before it allocates the array. */
  @SuppressWarnings({"rawtypes", "unchecked"}) // Kryo's signatures
  public static final class CheckedStringArraySerializer extends StringArraySerializer {
    @Override
    public String[] read(Kryo kryo, Input input, Class type) {
      check(peekCount(input), input, "a String[]");
      return super.read(kryo, input, type);
    }
  }

  /** Kryo's, checking the length before it allocates the array (every element, null too, takes a byte). */
  @SuppressWarnings({"rawtypes", "unchecked"}) // Kryo's signatures
  public static final class CheckedObjectArraySerializer extends ObjectArraySerializer {
    public CheckedObjectArraySerializer(Kryo kryo, Class type) {
      super(kryo, type);
    }

    @Override
    public Object[] read(Kryo kryo, Input input, Class type) {
      check(peekCount(input), input, "an array");
      return super.read(kryo, input, type);
    }
  }
}
