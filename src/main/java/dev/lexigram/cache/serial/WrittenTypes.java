package dev.lexigram.cache.serial;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classes this process has serialized: every class of every object graph that a serializer
 * built with {@link Serializers.Builder#trustWrittenTypes} wrote, with its superclasses. A payload
 * read back from a shared server may name these classes, since this application creates them
 * itself; a class it never wrote (and no rule admits) is refused before it is loaded.
 *
 * <p>Names are recorded, never {@link Class} objects, so no class loader is kept alive. At most
 * {@value #MAX_NAMES} names are kept; past that, new classes are still written but not recorded
 * (reading them back then needs {@code allowed_types}), and a warning says so once. Thread-safe.
 */
public final class WrittenTypes {

  /** The most class names kept; a real application writes a few hundred. */
  static final int MAX_NAMES = 65_536;

  private static final Logger LOG = LoggerFactory.getLogger(WrittenTypes.class);

  private final Set<String> names = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean full = new AtomicBoolean();

  /** Creates an empty record; a caching provider keeps one for all its managers. */
  public WrittenTypes() {}

  /**
   * Returns whether a class of this binary name (an array's element class name, not the array's) has been written.
   *
   * @param binaryName the class name as {@link Class#getName()} gives it; never null
   * @return true if a graph holding the class, or a subclass of it, has been written
   */
  public boolean contains(String binaryName) {
    return names.contains(binaryName);
  }

  /**
   * Returns how many class names are recorded.
   *
   * @return the count, zero or more
   */
  public int size() {
    return names.size();
  }

  /** Records a written class (the element class of an array) and its superclasses up to {@code Object}. */
  void record(Class<?> type) {
    Class<?> c = type;
    while (c.isArray()) {
      c = c.getComponentType();
    }
    if (c.isPrimitive() || names.contains(c.getName())) {
      return;
    }
    for (; c != null && c != Object.class; c = c.getSuperclass()) {
      if (names.size() >= MAX_NAMES) {
        if (full.compareAndSet(false, true)) {
          LOG.warn("{} classes have been written by this process; further ones are written but not recorded,"
              + " so payloads naming them read as misses. Fix: list their packages in {}", MAX_NAMES,
              TypeAllowlist.CONFIG_KEY);
        }
        return;
      }
      names.add(c.getName());
    }
  }
}
