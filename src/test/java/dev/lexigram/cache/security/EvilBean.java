package dev.lexigram.cache.security;

/** The JSON twin of {@link EvilBox}: a name as long as {@link GoodBean}'s, the same property. */
public class EvilBean {

  static {
    Tripwire.INITIALISED.incrementAndGet();
  }

  private String content;

  public EvilBean() {
    Tripwire.CONSTRUCTED.incrementAndGet();
  }

  public String getContent() {
    return content;
  }

  public void setContent(String content) {
    Tripwire.READ_OBJECT.incrementAndGet();
    this.content = content;
  }
}
