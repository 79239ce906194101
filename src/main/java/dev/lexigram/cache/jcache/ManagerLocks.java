package dev.lexigram.cache.jcache;

import dev.lexigram.cache.lock.BackendLocks;
import dev.lexigram.cache.store.LockStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The locks of one manager: a {@link BackendLocks} per backend, made on first use, and the one
 * daemon thread that renews leases, started on first use. Closing stops every renewal.
 */
final class ManagerLocks implements AutoCloseable {

  private final String managerName;
  private final Map<String, BackendLocks> byBackend = new ConcurrentHashMap<>();
  private ScheduledExecutorService renewals;

  ManagerLocks(String managerName) {
    this.managerName = managerName;
  }

  BackendLocks of(String backend, Supplier<LockStore> store) {
    return byBackend.computeIfAbsent(backend, name -> new BackendLocks(store.get(), renewals()));
  }

  private synchronized ScheduledExecutorService renewals() {
    if (renewals == null) {
      renewals = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "lexigram-lock-renewal " + managerName);
        thread.setDaemon(true);
        return thread;
      });
    }
    return renewals;
  }

  @Override
  public synchronized void close() {
    byBackend.values().forEach(BackendLocks::close);
    byBackend.clear();
    if (renewals != null) {
      renewals.shutdownNow();
    }
  }
}
