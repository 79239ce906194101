package dev.lexigram.cache.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lexigram.cache.config.BackendSettings;
import dev.lexigram.cache.config.LexigramSettings;
import dev.lexigram.cache.testing.CacheFixture;
import dev.lexigram.cache.testing.FakeClock;
import dev.lexigram.cache.testing.RedisSentinelServers;
import dev.lexigram.cache.testing.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5: "a Sentinel failover loses no acknowledged write-through write". A writer thread puts
 * through a write-through cache on a Sentinel-managed backend with {@code replica_acks: 1} while
 * the test makes the Sentinel fail over ({@code SENTINEL FAILOVER}); once the client writes to
 * the new master, every put that returned normally must be readable, and every other put must
 * have ended with a {@link CacheException} within a bound, never hung.
 */
@ExtendWith(RedisServerExtension.class)
class RedisSentinelFailoverIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  /** A put is SET plus WAIT: each bounded by the timeout (WAIT by half of it), plus scheduling slack. */
  private static final Duration LONGEST_ALLOWED_CALL = TIMEOUT.multipliedBy(2).plusSeconds(1);
  private static final int WRITES_BEFORE_FAILOVER = 200;
  private static final int WRITES_AFTER_FAILOVER = 200;

  @Test
  void sentinelFailover_losesNoAcknowledgedWriteThroughWrite(RedisSentinelServers sentinel) throws Exception {
    BackendSettings backend = RedisSentinelStoreIT.settings(sentinel.url(), 1);
    LexigramSettings defaults = LexigramSettings.defaults();
    LexigramSettings settings = new LexigramSettings("RedisSentinelFailoverIT", List.of(backend), defaults.caches(),
        defaults.service(), defaults.environment());
    RecordingWriter systemOfRecord = new RecordingWriter();
    try (CacheFixture fixture = new CacheFixture(settings, FakeClock.startingNow())) {
      Cache<String, String> cache = fixture.cache("failover", new MutableConfiguration<String, String>()
          .setWriteThrough(true)
          .setCacheWriterFactory(new FactoryBuilder.SingletonFactory<>(systemOfRecord)));
      Writes writes = new Writes(cache);
      Thread writer = new Thread(writes, "failover-writer");
      writer.start();
      try {
        await().atMost(Duration.ofSeconds(30)).until(() -> writes.acknowledged.size() >= WRITES_BEFORE_FAILOVER);
        int oldMaster = sentinel.masterPort();
        long started = System.nanoTime();
        sentinel.onSentinel(s -> s.failover(RedisSentinelServers.MASTER_NAME));
        await().atMost(Duration.ofSeconds(30)).until(() -> sentinel.masterPort() != oldMaster);
        Duration failover = Duration.ofNanos(System.nanoTime() - started);
        int ackedAtSwitch = writes.acknowledged.size();
        await("writes acknowledged by the new master").atMost(Duration.ofSeconds(30))
            .until(() -> writes.acknowledged.size() >= ackedAtSwitch + WRITES_AFTER_FAILOVER);
        writes.stop.set(true);
        writer.join(Duration.ofSeconds(30).toMillis());
        assertThat(writer.isAlive()).as("writer thread ended").isFalse();
        int newMaster = sentinel.masterPort();
        // the old master, demoted, resyncs from the new one: anything only it had is gone after this
        await("old master replicating from the new one").atMost(Duration.ofSeconds(30))
            .until(() -> {
              String replication = RedisSentinelServers.on(sentinel.server(oldMaster), c -> c.info("replication"));
              return replication.contains("master_port:" + newMaster) && replication.contains("master_link_status:up");
            });

        assertThat(writes.unexpected).as("failures other than CacheException").isEmpty();
        assertThat(Duration.ofNanos(writes.longestNanos.get())).isLessThan(LONGEST_ALLOWED_CALL);
        List<Integer> lost = new ArrayList<>();
        for (int i : writes.acknowledged) {
          if (!("v" + i).equals(cache.get("k" + i))) {
            lost.add(i);
          }
        }
        assertThat(lost).as("acknowledged writes missing after the failover").isEmpty();
        String[] names = writes.acknowledged.stream().map(i -> "it:failover:k" + i).toArray(String[]::new);
        Long onNewMaster = RedisSentinelServers.on(sentinel.server(newMaster), commands -> commands.exists(names));
        assertThat(onNewMaster).as("acknowledged writes present on the new master").isEqualTo((long) names.length);
        assertThat(systemOfRecord.written).containsAll(writes.acknowledged.stream().map(i -> "k" + i).toList());
        System.out.printf("Sentinel failover: %d puts acknowledged, %d failed with CacheException, failover took %d ms"
                + " (master %d -> %d), longest put %d ms%n", writes.acknowledged.size(), writes.failed.get(),
            failover.toMillis(), oldMaster, newMaster, Duration.ofNanos(writes.longestNanos.get()).toMillis());
      } finally {
        writes.stop.set(true);
        writer.join(Duration.ofSeconds(30).toMillis());
      }
    }
  }

  /** Puts k0, k1, … until stopped, recording which returned normally and how long the longest took. */
  private static final class Writes implements Runnable {
    final Cache<String, String> cache;
    final Queue<Integer> acknowledged = new ConcurrentLinkedQueue<>();
    final Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicLong longestNanos = new AtomicLong();
    final AtomicBoolean stop = new AtomicBoolean();

    Writes(Cache<String, String> cache) {
      this.cache = cache;
    }

    @Override
    public void run() {
      for (int i = 0; !stop.get(); i++) {
        long start = System.nanoTime();
        try {
          cache.put("k" + i, "v" + i);
          acknowledged.add(i);
        } catch (CacheException e) {
          failed.incrementAndGet();
        } catch (RuntimeException | Error e) {
          unexpected.add(e);
        }
        long took = System.nanoTime() - start;
        longestNanos.accumulateAndGet(took, Math::max);
      }
    }
  }

  /** The system of record behind the write-through cache: remembers every key written. */
  private static final class RecordingWriter implements CacheWriter<String, String> {
    final Collection<String> written = new ConcurrentLinkedQueue<>();

    @Override
    public void write(Cache.Entry<? extends String, ? extends String> entry) {
      written.add(entry.getKey());
    }

    @Override
    public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
      entries.forEach(this::write);
    }

    @Override
    public void delete(Object key) {
      written.remove(key);
    }

    @Override
    public void deleteAll(Collection<?> keys) {
      keys.forEach(this::delete);
    }
  }
}
