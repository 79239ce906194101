package dev.lexigram.cache.serial;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Writes a JDK unmodifiable collection as its carrier collection and rebuilds the same class on
 * read ({@link JdkCollectionShapes}). Stateless, so one instance may serve a Kryo for its lifetime.
 */
final class ShapeKryoSerializer extends com.esotericsoftware.kryo.Serializer<Object> {

  private final JdkCollectionShapes.Shape shape;

  ShapeKryoSerializer(JdkCollectionShapes.Shape shape) {
    this.shape = shape;
  }

  @Override
  public void write(Kryo kryo, Output output, Object value) {
    kryo.writeClassAndObject(output, shape.toCarrier().apply(value));
  }

  @Override
  public Object read(Kryo kryo, Input input, Class<?> type) {
    Object carrier = kryo.readClassAndObject(input);
    if (!shape.carrier().isInstance(carrier)) {
      throw new ClassCastException("expected a " + shape.carrier().getName() + " for " + type.getName());
    }
    return shape.rebuild().apply(carrier);
  }
}
