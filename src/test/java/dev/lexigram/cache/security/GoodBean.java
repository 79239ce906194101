package dev.lexigram.cache.security;

import java.util.Objects;

/** What the application caches: a bean that is not Serializable, so the default format writes it as JSON. */
public class GoodBean {

  private String content;

  public GoodBean() {}

  public GoodBean(String content) {
    this.content = content;
  }

  public String getContent() {
    return content;
  }

  public void setContent(String content) {
    this.content = content;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GoodBean bean && Objects.equals(bean.content, content);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(content);
  }
}
