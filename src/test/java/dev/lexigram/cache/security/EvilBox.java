package dev.lexigram.cache.security;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * A stand-in for a gadget: a name as long as {@link GoodBox}'s, the same field and serialVersionUID,
 * so that swapping the class name in stored bytes makes a well-formed stream of this class. Its
 * static initializer, constructor and {@code readObject} trip the {@link Tripwire}.
 */
public final class EvilBox implements Serializable {

  private static final long serialVersionUID = 7L;

  static {
    Tripwire.INITIALISED.incrementAndGet();
  }

  private final String content;

  public EvilBox(String content) {
    Tripwire.CONSTRUCTED.incrementAndGet();
    this.content = content;
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    Tripwire.READ_OBJECT.incrementAndGet();
    in.defaultReadObject();
  }

  @Override
  public String toString() {
    return "EvilBox[" + content + "]";
  }
}
