package dev.lexigram.cache.security;

import java.io.Serializable;
import java.util.Objects;

/** What the application caches: a Serializable class, so the default format writes it with the JDK's serialization. */
public final class GoodBox implements Serializable {

  private static final long serialVersionUID = 7L;

  private final String content;

  public GoodBox(String content) {
    this.content = content;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GoodBox box && Objects.equals(box.content, content);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(content);
  }
}
