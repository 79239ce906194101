package dev.lexigram.cache.jcache;

import javax.cache.CacheException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes several resources without stopping at the first failure: later failures are attached
 * to the first as suppressed, and {@link #finish()} logs them once.
 */
final class Closer {

  private static final Logger LOG = LoggerFactory.getLogger(Closer.class);

  private final String what;
  private RuntimeException failure;

  Closer(String what) {
    this.what = what;
  }

  void close(Object resource) {
    if (resource instanceof AutoCloseable closeable) {
      run(() -> {
        try {
          closeable.close();
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new CacheException(e);
        }
      });
    }
  }

  void run(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
  }

  void finish() {
    if (failure != null) {
      LOG.warn("Failures while closing {}", what, failure);
    }
  }
}
