package dev.lexigram.cache.jcache;

import javax.cache.integration.CompletionListener;

/** The completion listener used when {@code loadAll} is given none. */
enum NoCompletionListener implements CompletionListener {
  INSTANCE;

  @Override
  public void onCompletion() {}

  @Override
  public void onException(Exception e) {}
}
