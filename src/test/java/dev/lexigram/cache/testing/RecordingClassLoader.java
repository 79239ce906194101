package dev.lexigram.cache.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A class loader that remembers every class name it was asked for, then asks its parent. */
public final class RecordingClassLoader extends ClassLoader {

  /** The names asked for, in order; thread-safe. */
  public final List<String> requested = Collections.synchronizedList(new ArrayList<>());

  public RecordingClassLoader(ClassLoader parent) {
    super(parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    requested.add(name);
    return super.loadClass(name, resolve);
  }
}
