package dev.lexigram.cache.serial;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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

  /** The accessors and canonical constructor of each record class, looked up once, made accessible. */
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return Shape.of(type);
    }
  };

  /** A record class's accessors in declaration order and its canonical constructor; null members if it has none usable. */
  private record Shape(Method[] accessors, Constructor<?> canonical, RuntimeException failure) {
    static Shape of(Class<?> type) {
      try {
        RecordComponent[] declared = type.getRecordComponents();
        Method[] accessors = new Method[declared.length];
        Class<?>[] types = new Class<?>[declared.length];
        for (int i = 0; i < declared.length; i++) {
          accessors[i] = declared[i].getAccessor();
          accessors[i].setAccessible(true);
          types[i] = declared[i].getType();
        }
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return new Shape(accessors, canonical, null);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return new Shape(null, null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
      }
    }
  }

  /** Returns the stand-in of a record. */
  static RecordComponents of(Record value) {
    Shape shape = SHAPES.get(value.getClass());
    try {
      if (shape.failure() != null) {
        throw shape.failure();
      }
      Object[] values = new Object[shape.accessors().length];
      for (int i = 0; i < values.length; i++) {
        values[i] = shape.accessors()[i].invoke(value);
      }
      return new RecordComponents(value.getClass(), values);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw Failures.notWritable(JavaSerializer.NAME, value.getClass().getName(),
          "its components cannot be read (" + Failures.shortMessage(e) + ")", e,
          "make the record public or implement java.io.Serializable on it");
    }
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
    Shape shape = SHAPES.get(type);
    if (shape.failure() != null || shape.accessors().length != components.length) {
      throw Failures.corrupt(JavaSerializer.NAME, "a record stand-in of " + type.getName() + " has "
          + components.length + " values, which its canonical constructor does not take", shape.failure());
    }
    try {
      return shape.canonical().newInstance(components);
    } catch (InvocationTargetException e) {
      throw Failures.corrupt(JavaSerializer.NAME, "the constructor of " + type.getName() + " refused the values", e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw Failures.corrupt(JavaSerializer.NAME, "the values do not fit the record " + type.getName(), e);
    }
  }
}
