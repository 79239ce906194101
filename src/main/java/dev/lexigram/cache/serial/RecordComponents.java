package dev.lexigram.cache.serial;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * What the JDK format writes for a record that is not {@code Serializable}: its class and its
 * component values, from which {@link #toRecord()} calls the canonical constructor, as the JDK
 * does for a {@code Serializable} record. The class travels as a class descriptor, so the stream's
 * filter checks it like any other class before anything is built.
 *
 * @param type the record class
 * @param components the component values in declaration order
 */
record RecordComponents(Class<?> type, Object[] components) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Returns the stand-in of a record. */
  static RecordComponents of(Record value) {
    RecordComponent[] declared = value.getClass().getRecordComponents();
    Object[] values = new Object[declared.length];
    try {
      for (int i = 0; i < declared.length; i++) {
        var accessor = declared[i].getAccessor();
        accessor.setAccessible(true);
        values[i] = accessor.invoke(value);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw Failures.notWritable(JavaSerializer.NAME, value.getClass().getName(),
          "its components cannot be read (" + Failures.shortMessage(e) + ")", e,
          "make the record public or implement java.io.Serializable on it");
    }
    return new RecordComponents(value.getClass(), values);
  }

  /**
   * Returns the record these components make.
   *
   * @throws SerializationException CORRUPT if the class is not a record or the values do not fit
   *     its canonical constructor
   */
  Object toRecord() {
    if (type == null || !type.isRecord() || components == null) {
      throw Failures.corrupt(JavaSerializer.NAME, "a record stand-in names no record", null);
    }
    RecordComponent[] declared = type.getRecordComponents();
    if (declared.length != components.length) {
      throw Failures.corrupt(JavaSerializer.NAME, "a record stand-in of " + type.getName() + " has "
          + components.length + " values for " + declared.length + " components", null);
    }
    Class<?>[] types = new Class<?>[declared.length];
    for (int i = 0; i < declared.length; i++) {
      types[i] = declared[i].getType();
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(components);
    } catch (InvocationTargetException e) {
      throw Failures.corrupt(JavaSerializer.NAME, "the constructor of " + type.getName() + " refused the values", e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw Failures.corrupt(JavaSerializer.NAME, "the values do not fit the record " + type.getName(), e);
    }
  }
}
