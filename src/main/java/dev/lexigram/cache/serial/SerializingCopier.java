package dev.lexigram.cache.serial;

import dev.lexigram.cache.serial.SerializationException.Reason;

/**
 * Copies mutable values by writing and reading them with a {@link Serializer}, and checks that the
 * copy has the original's class (a format that changed it would break the cache's callers).
 */
final class SerializingCopier extends AbstractCopier {

  private final Serializer serializer;

  SerializingCopier(Serializer serializer) {
    this.serializer = serializer;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected <T> T copyMutable(T value) {
    Object copy = serializer.deserialize(serializer.serialize(value));
    if (copy.getClass() != value.getClass()) {
      throw new SerializationException(Reason.NOT_WRITABLE, "Cannot copy " + value.getClass().getName()
          + " with the " + serializer.name() + " serializer: it came back as " + copy.getClass().getName()
          + ". Fix: make it a record or a bean with a default constructor, or choose another serializer");
    }
    return (T) copy;
  }
}
