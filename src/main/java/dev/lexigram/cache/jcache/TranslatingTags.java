package dev.lexigram.cache.jcache;

import dev.lexigram.cache.store.StoreException;
import dev.lexigram.cache.store.TagStore;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;
import javax.cache.CacheException;

/**
 * The boundary between a backend's {@link TagStore} and the JCache API, as {@link TranslatingStore}
 * is for stores: a {@link StoreException} becomes a {@link CacheException} naming the backend and
 * keeping the store's exception (with its kind, which the extension API reads) as the cause.
 */
final class TranslatingTags implements TagStore {

  private final TagStore delegate;
  private final String backendName;

  TranslatingTags(TagStore delegate, String backendName) {
    this.delegate = delegate;
    this.backendName = backendName;
  }

  private <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (StoreException e) {
      throw new CacheException("Tag versions on backend '" + backendName + "' failed (" + e.kind() + "): "
          + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, Long> versions(Collection<String> tags) {
    return call(() -> delegate.versions(tags));
  }

  @Override
  public Map<String, Long> versionsCreating(Collection<String> tags) {
    return call(() -> delegate.versionsCreating(tags));
  }

  @Override
  public void invalidate(Collection<String> tags) {
    call(() -> {
      delegate.invalidate(tags);
      return null;
    });
  }
}
